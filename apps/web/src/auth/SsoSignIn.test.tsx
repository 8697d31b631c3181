// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ssoErrorMessages } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import { type Call, renderApp, trpcError, trpcResult } from "../test/renderApp.tsx";
import { LoginPage } from "./LoginPage.tsx";

const sso = { name: "Example ID", startUrl: "/auth/oidc/start" };

function openLogin(path: string, methods: unknown) {
  const calls: Call[] = [];
  renderApp({
    path,
    routes: [{ path: "/login", element: <LoginPage /> }],
    server: (call) => {
      calls.push(call);
      if (call.path === "auth.methods") return trpcResult(methods);
      return trpcError("UNAUTHORIZED", 401, "Email or password is incorrect");
    },
  });
  return calls;
}

describe("single sign-on on the sign-in page", () => {
  it("offers 'Sign in with <provider>' next to the password form, carrying where the user was going", async () => {
    openLogin(`/login?next=${encodeURIComponent("/transactions?skip=50")}`, { password: "on", sso });
    const button = await screen.findByTestId("sso-sign-in");
    expect(button.textContent).toBe("Sign in with Example ID");
    expect(button.getAttribute("href")).toBe("/auth/oidc/start?next=%2Ftransactions%3Fskip%3D50");
    expect(screen.getByTestId("login-email")).toBeTruthy();
    expect(screen.getByTestId("passkey-sign-in")).toBeTruthy();
  });

  it("does not carry a next that leads off the site", async () => {
    openLogin(`/login?next=${encodeURIComponent("//evil.test/phish")}`, { password: "on", sso });
    expect((await screen.findByTestId("sso-sign-in")).getAttribute("href")).toBe("/auth/oidc/start");
  });

  it("without single sign-on shows the password form only", async () => {
    const calls = openLogin("/login", { password: "on", sso: null });
    expect(await screen.findByTestId("login-email")).toBeTruthy();
    await screen.findByTestId("passkey-sign-in");
    expect(calls.map((c) => c.path)).toContain("auth.methods");
    expect(screen.queryByTestId("sso-sign-in")).toBeNull();
    expect(screen.queryByTestId("break-glass-toggle")).toBeNull();
  });

  it("with password sign-in off hides the password form behind the break-glass disclosure", async () => {
    const calls = openLogin("/login", { password: "break-glass", sso });
    await screen.findByTestId("sso-sign-in");
    expect(screen.queryByTestId("login-email")).toBeNull();
    expect(screen.queryByTestId("passkey-sign-in")).toBeNull();
    const user = userEvent.setup();
    const toggle = screen.getByTestId("break-glass-toggle");
    expect(toggle.textContent).toBe("Break-glass admin sign-in");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await user.type(screen.getByTestId("login-email"), "root@example.com");
    await user.type(screen.getByTestId("login-password"), "break-glass-password");
    await user.click(screen.getByTestId("login-submit"));
    expect((await screen.findByTestId("login-error")).textContent).toBe("Email or password is incorrect");
    expect(calls.filter((c) => c.path === "auth.login")).toEqual([
      { path: "auth.login", input: { email: "root@example.com", password: "break-glass-password" } },
    ]);
  });

  it("says in words why the provider's sign-in was refused", async () => {
    openLogin("/login?sso_error=unmapped", { password: "break-glass", sso });
    const alert = await screen.findByTestId("sso-error");
    expect(alert.textContent).toContain(ssoErrorMessages.unmapped);
    expect(alert.textContent).toContain(
      "Your identity provider account is not in any group mapped to a back-office role",
    );
  });

  it("shows nothing for an sso_error it does not know (no text from the URL is echoed)", async () => {
    openLogin(`/login?sso_error=${encodeURIComponent("<b>Call 555-0100 now</b>")}`, { password: "on", sso });
    await screen.findByTestId("sso-sign-in");
    expect(screen.queryByTestId("sso-error")).toBeNull();
    expect(document.body.textContent).not.toContain("555-0100");
  });
});
