// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { type Answer, type Call, renderApp, trpcError, trpcResult } from "../test/renderApp.tsx";
import { makeQueryClient } from "../trpc.ts";
import { LoginPage } from "./LoginPage.tsx";

const maya = {
  id: "7c3e0f0e-4c1f-4c59-9d7e-2f6b7f0a1b2c",
  email: "manager@demo.test",
  name: "Maya Manager",
  role: "manager" as const,
};

function signInAt(path: string, answer: (call: Call) => Answer | Promise<Answer>) {
  const calls: Call[] = [];
  const onSessionEnded = vi.fn();
  const view = renderApp({
    path,
    queryClient: makeQueryClient({ onSessionEnded }),
    routes: [
      { path: "/login", element: <LoginPage /> },
      { path: "*", element: <p data-testid="landed">landed</p> },
    ],
    server: (call) => {
      if (call.path === "auth.methods") return trpcResult({ password: "on", sso: null });
      calls.push(call);
      return answer(call);
    },
  });
  return { ...view, calls, onSessionEnded };
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId("login-email"), email);
  await user.type(screen.getByTestId("login-password"), password);
  await user.click(screen.getByTestId("login-submit"));
}

describe("the sign-in page", () => {
  it("shows the server's one message for wrong credentials, keeps the email, and stays on the page", async () => {
    const { calls, router, onSessionEnded } = signInAt("/login", () =>
      trpcError("UNAUTHORIZED", 401, "Email or password is incorrect"),
    );
    await fillAndSubmit("maya@demo.test", "nope");
    expect(await screen.findByTestId("login-error")).toHaveProperty("textContent", "Email or password is incorrect");
    expect(calls).toEqual([{ path: "auth.login", input: { email: "maya@demo.test", password: "nope" } }]);
    expect(screen.getByTestId("login-email")).toHaveProperty("value", "maya@demo.test");
    expect(router.state.location.pathname).toBe("/login");
    // A refused sign-in is not a session that ended.
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it("shows the throttle message as the server words it", async () => {
    signInAt("/login", () => trpcError("TOO_MANY_REQUESTS", 429, "Too many failed sign-ins. Try again in 42 s."));
    await fillAndSubmit("maya@demo.test", "nope");
    expect((await screen.findByTestId("login-error")).textContent).toBe("Too many failed sign-ins. Try again in 42 s.");
  });

  it("disables the button while the sign-in is in flight, then enables it again", async () => {
    let answer: (a: Answer) => void = () => {};
    signInAt("/login", () => new Promise<Answer>((resolve) => (answer = resolve)));
    await fillAndSubmit("maya@demo.test", "nope");
    await waitFor(() => expect(screen.getByTestId("login-submit")).toHaveProperty("disabled", true));
    answer(trpcError("UNAUTHORIZED", 401, "Email or password is incorrect"));
    await screen.findByTestId("login-error");
    expect(screen.getByTestId("login-submit")).toHaveProperty("disabled", false);
  });

  it("goes back to the URL in next, and the signed-in user is known without asking again", async () => {
    const { router, queryClient, calls } = signInAt(
      `/login?next=${encodeURIComponent("/authentications?f=currency_code~eq~EUR&skip=50")}`,
      () => trpcResult({ user: maya }),
    );
    queryClient.setQueryData([["users", "list"], { type: "query" }], { items: ["from the previous user"] });
    await fillAndSubmit("manager@demo.test", "demo-password-1");
    await screen.findByTestId("landed");
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
      "/authentications?f=currency_code~eq~EUR&skip=50",
    );
    expect(calls.map((c) => c.path)).toEqual(["auth.login"]);
    expect(queryClient.getQueryData([["auth", "me"], { type: "query" }])).toEqual({ user: maya });
    // Nothing cached for whoever was signed in before lingers.
    expect(queryClient.getQueryData([["users", "list"], { type: "query" }])).toBeUndefined();
  });

  it("asks for the authenticator code when a second factor is due, then goes on", async () => {
    const { router, calls } = signInAt("/login?next=%2Ftransactions", (call) =>
      call.path === "auth.login"
        ? trpcResult({ mfa: { methods: ["totp", "recovery"] } })
        : call.input && (call.input as { totp?: string }).totp === "123456"
          ? trpcResult({ user: maya, next: null })
          : trpcError("UNAUTHORIZED", 401, "The code is incorrect or already used"),
    );
    await fillAndSubmit("manager@demo.test", "demo-password-1");
    const user = userEvent.setup();
    const digits = await screen.findAllByLabelText(/6-digit code/);
    await user.click(digits[0] as HTMLElement);
    await user.keyboard("654321");
    expect((await screen.findByTestId("mfa-error")).textContent).toBe("The code is incorrect or already used");
    expect(router.state.location.pathname).toBe("/login");
    await user.click(screen.getByText("Use a recovery code instead"));
    await user.click(screen.getByText("Use the authenticator app instead"));
    await user.click((await screen.findAllByLabelText(/6-digit code/))[0] as HTMLElement);
    await user.keyboard("123456");
    await screen.findByTestId("landed");
    expect(router.state.location.pathname).toBe("/transactions");
    expect(calls.map((c) => c.path)).toEqual(["auth.login", "auth.mfa.verify", "auth.mfa.verify"]);
  });

  it("refuses to follow a next that leads off the site", async () => {
    const { router } = signInAt(`/login?next=${encodeURIComponent("//evil.test/phish")}`, () =>
      trpcResult({ user: maya }),
    );
    await fillAndSubmit("manager@demo.test", "demo-password-1");
    await screen.findByTestId("landed");
    expect(router.state.location.pathname).toBe("/");
  });
});
