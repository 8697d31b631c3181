import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { audit, users } from "@vbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleLimits } from "../src/auth/loginThrottle.ts";
import { type Client, demoPassword, type Stack, startStack } from "./harness.ts";
import {
  type IdpAccount,
  RedirectBrowser,
  ssoSettingsFor,
  startIdentityProvider,
  type TestIdentityProvider,
} from "./identityProvider.ts";
import { softAuthenticator } from "./softAuthenticator.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

const rio: IdpAccount = {
  sub: "idp-rio",
  email: "rio@example.com",
  name: "Rio Support",
  groups: ["backoffice-support"],
};
const adam: IdpAccount = { sub: "idp-adam", email: "admin@demo.test", name: "Adam", groups: ["backoffice-ops"] };
const refusal = 'Password sign-in is switched off here: use "Sign in with Example ID"';

describe.each(testDatabaseKinds)("PASSWORD_LOGIN=false with break-glass admins on %s", (kind) => {
  let database: TestDatabase;
  let idp: TestIdentityProvider;
  let stack: Stack;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    idp = await startIdentityProvider([rio, adam]);
    stack = await startStack({
      authentications: 20,
      databaseUrl: database.url,
      mainUser: "admin@demo.test",
      identity: {
        mfaRequiredRoles: [],
        totpKey: null,
        sso: ssoSettingsFor(idp),
        passwordLogin: false,
        breakGlassAdmins: ["admin@demo.test", "support@demo.test"],
      },
    });
    idp.register(`${stack.api.url}/auth/oidc/callback`);
  });
  afterAll(async () => {
    await stack?.close();
    await idp?.close();
    await database?.drop();
  });

  const lastLogin = async () => (await audit.list(stack.api.db, { action: "auth.login", limit: 1, skip: 0 })).items[0];

  async function ssoClient(who = rio.sub): Promise<Client> {
    idp.signInAs(who);
    const browser = new RedirectBrowser(stack.api.url);
    const { landed } = await browser.navigate(`${stack.api.url}/auth/oidc/start`);
    expect(landed.pathname).toBe("/");
    const client = stack.anonymous();
    client.cookie = browser.cookieHeader(new URL(stack.api.url).origin);
    return client;
  }

  it("auth.methods says password sign-in is for break-glass admins only", async () => {
    expect((await stack.anonymous().query("auth.methods")).body.result?.data).toEqual({
      password: "break-glass",
      sso: { name: "Example ID", startUrl: "/auth/oidc/start" },
    });
  });

  it("refuses an ordinary password sign-in with a clear message, even with the right password, audited", async () => {
    const answer = await stack.anonymous().mutate("auth.login", { email: "manager@demo.test", password: demoPassword });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toBe(refusal);
    expect(answer.headers.getSetCookie().some((c) => c.startsWith("vbo_session="))).toBe(false);
    expect(await lastLogin()).toMatchObject({ outcome: "refused", target: "manager@demo.test" });
  });

  it("admits a break-glass admin with their password (and refuses a wrong one as usual)", async () => {
    const client = stack.anonymous();
    const ok = await client.mutate<{ user: { role: string } }>("auth.login", {
      email: "Admin@Demo.test",
      password: demoPassword,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.result?.data.user.role).toBe("admin");
    expect((await client.query("users.list")).status).toBe(200);
    const wrong = await stack.anonymous().mutate("auth.login", { email: "admin@demo.test", password: "not-it-at-all" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.message).toBe("Email or password is incorrect");
  });

  it("a break-glass entry who is not an admin is refused after the password check", async () => {
    const answer = await stack.anonymous().mutate("auth.login", { email: "support@demo.test", password: demoPassword });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toBe(refusal);
  });

  it("single sign-on still works, and a passkey does not get around it", async () => {
    const client = await ssoClient();
    const me = await client.query<{ user: { email: string; role: string } }>("auth.me");
    expect(me.body.result?.data.user).toMatchObject({ email: "rio@example.com", role: "support" });
    const device = softAuthenticator(stack.api.url);
    const options = await client.mutate<PublicKeyCredentialCreationOptionsJSON>("account.passkeys.registerOptions");
    const registered = await client.mutate("account.passkeys.register", {
      name: "laptop",
      response: device.register(options.body.result?.data as PublicKeyCredentialCreationOptionsJSON),
    });
    expect(registered.status).toBe(200);
    const anonymous = stack.anonymous();
    const challenge = await anonymous.mutate<PublicKeyCredentialRequestOptionsJSON>("auth.passkey.options");
    const response = device.assert(challenge.body.result?.data as PublicKeyCredentialRequestOptionsJSON, 0);
    const answer = await anonymous.mutate("auth.passkey.login", { response });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toBe(refusal);
    expect(answer.headers.getSetCookie().some((c) => c.startsWith("vbo_session="))).toBe(false);
  });

  it("never links a break-glass admin to the provider, nor lets the provider's groups change their role", async () => {
    idp.signInAs(adam.sub);
    const browser = new RedirectBrowser(stack.api.url);
    const { landed } = await browser.navigate(`${stack.api.url}/auth/oidc/start`);
    expect(`${landed.pathname}${landed.search}`).toBe("/login?sso_error=break_glass");
    const admin = await users.findByEmail(stack.api.db, "admin@demo.test");
    expect(admin?.role).toBe("admin");
    expect(await users.oidcIdentityOf(stack.api.db, admin?.id ?? "")).toBeNull();
    const [event] = (await audit.list(stack.api.db, { action: "auth.sso", limit: 1, skip: 0 })).items;
    expect(event).toMatchObject({ outcome: "refused", target: "admin@demo.test" });
  });

  it("an identity provider that stops answering mid-sign-in gives 'could not be reached', audited as a failure", async () => {
    const browser = new RedirectBrowser(stack.api.url);
    const start = await fetch(`${stack.api.url}/auth/oidc/start`, { redirect: "manual" });
    const binding = start.headers.getSetCookie().find((c) => c.startsWith("vbo_sso=")) ?? "";
    browser.setCookie(new URL(stack.api.url).origin, "vbo_sso", binding.split(";")[0]?.slice("vbo_sso=".length) ?? "");
    const callback = await browser.untilCallback(start.headers.get("location") ?? "");
    await idp.close();
    const { landed } = await browser.navigate(callback);
    expect(`${landed.pathname}${landed.search}`).toBe("/login?sso_error=unavailable");
    const [event] = (await audit.list(stack.api.db, { action: "auth.sso", limit: 1, skip: 0 })).items;
    expect(event?.outcome).toBe("failure");
  });

  // Last: it uses up this address's allowance.
  it("throttles the sign-ins started from one address, saying so in words", async () => {
    const statuses: string[] = [];
    for (let i = 0; i <= throttleLimits.ssoStart.max; i++) {
      const res = await fetch(`${stack.api.url}/auth/oidc/start`, { redirect: "manual" });
      statuses.push(new URL(res.headers.get("location") ?? "", stack.api.url).searchParams.get("sso_error") ?? "ok");
    }
    // Earlier tests of this file started some already: the allowance ends within this loop, and stays ended.
    const first = statuses.indexOf("throttled");
    expect(first).toBeGreaterThan(0);
    expect(statuses.slice(first).every((s) => s === "throttled")).toBe(true);
    expect(statuses.slice(0, first).every((s) => s === "ok")).toBe(true);
  });
});
