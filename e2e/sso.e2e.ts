import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIdentityProvider } from "../apps/api/test/identityProvider.ts";
import { productInBrowser } from "./harness.ts";
import { apiQuery, demoPassword } from "./session.ts";

// A real OpenID provider (oidc-provider) on a free port; the product is started against it, password sign-in off.
const idp = await startIdentityProvider([
  { sub: "idp-nia", email: "nia@example.com", name: "Nia Ops", groups: ["backoffice-ops"] },
  { sub: "idp-pat", email: "pat@example.com", name: "Pat Nobody", groups: ["everyone"] },
]);
const app = productInBrowser({
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: idp.clientId,
  OIDC_CLIENT_SECRET: idp.clientSecret,
  OIDC_ROLE_MAP: "backoffice-ops=operations,backoffice-admins=admin",
  OIDC_SCOPES: "openid email profile groups",
  OIDC_DISPLAY_NAME: "Example ID",
  PASSWORD_LOGIN: "false",
  BREAK_GLASS_ADMINS: "admin@demo.test",
});

// After the product's own beforeAll: its port is the callback's.
beforeAll(() => idp.register(`${app.product.url}/auth/oidc/callback`));
afterAll(() => idp.close());

describe("single sign-on in the browser", () => {
  it("signs in through the identity provider and lands where the user was going", async () => {
    idp.signInAs("idp-nia");
    const page = await app.newPage();
    await page.goto("/transactions");
    await page.waitForURL((url) => url.pathname === "/login");
    // Password sign-in is off: the form is behind the break-glass disclosure.
    await expect.poll(() => page.getByTestId("sso-sign-in").textContent()).toBe("Sign in with Example ID");
    expect(await page.getByTestId("login-email").count()).toBe(0);
    await page.getByTestId("sso-sign-in").click();
    await page.waitForURL((url) => url.pathname === "/transactions");
    await expect.poll(() => page.getByTestId("user-menu").textContent()).toContain("Nia Ops");
    const me = await apiQuery<{ user: { email: string; role: string } }>(page, "auth.me", undefined);
    expect(me.user).toMatchObject({ email: "nia@example.com", role: "operations" });
  });

  it("says why when the provider's account is in no mapped group", async () => {
    idp.signInAs("idp-pat");
    const page = await app.newPage();
    await page.goto("/login");
    await page.getByTestId("sso-sign-in").click();
    await page.waitForURL((url) => url.searchParams.get("sso_error") === "unmapped");
    await expect
      .poll(() => page.getByTestId("sso-error").textContent())
      .toContain("Your identity provider account is not in any group mapped to a back-office role");
  });

  it("a break-glass admin still signs in with the password", async () => {
    const page = await app.newPage();
    await page.goto("/login");
    await page.getByTestId("break-glass-toggle").click();
    await page.getByTestId("login-email").fill("admin@demo.test");
    await page.getByTestId("login-password").fill(demoPassword);
    await page.getByTestId("login-submit").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await expect.poll(() => page.getByTestId("user-menu").textContent()).toContain("Adam Admin");
  });
});
