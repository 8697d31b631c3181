import { audit, users } from "@vbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, startStack } from "./harness.ts";
import {
  type IdpAccount,
  RedirectBrowser,
  ssoSettingsFor,
  startIdentityProvider,
  type TestIdentityProvider,
} from "./identityProvider.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

type Me = { user: { id: string; email: string; name: string; role: string }; next: string | null } | null;

const nia: IdpAccount = { sub: "idp-nia", email: "Nia.Ops@Example.com", name: "Nia Ops", groups: ["backoffice-ops"] };
const pat: IdpAccount = { sub: "idp-pat", email: "pat@example.com", name: "Pat Nobody", groups: ["everyone"] };
const ola: IdpAccount = { sub: "idp-ola", email: "ola@example.com", name: "Ola Lead", groups: ["backoffice-ops"] };
const admin: IdpAccount = { sub: "idp-adam", email: "admin@demo.test", name: "Adam", groups: ["backoffice-admins"] };

describe.each(testDatabaseKinds)("single sign-on (OIDC) on %s", (kind) => {
  let database: TestDatabase;
  let idp: TestIdentityProvider;
  let stack: Stack;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    idp = await startIdentityProvider([nia, pat, ola, admin]);
    stack = await startStack({
      authentications: 20,
      databaseUrl: database.url,
      identity: { mfaRequiredRoles: ["operations"], totpKey: null, sso: ssoSettingsFor(idp) },
    });
    idp.register(`${stack.api.url}/auth/oidc/callback`);
  });
  afterAll(async () => {
    await stack?.close();
    await idp?.close();
    await database?.drop();
  });

  /** Signs in through the provider as `who` in a new browser; returns where it landed and the API client. */
  async function ssoSignIn(who: string, start = "/auth/oidc/start") {
    idp.signInAs(who);
    const browser = new RedirectBrowser(stack.api.url);
    const result = await browser.navigate(`${stack.api.url}${start}`);
    const client = stack.anonymous();
    client.cookie = browser.cookieHeader(new URL(stack.api.url).origin);
    return { ...result, browser, client };
  }

  const ssoEvents = async (action = "auth.sso") =>
    (await audit.list(stack.api.db, { action, limit: 100, skip: 0 })).items;

  const me = async (client: Client) => (await client.query<Me>("auth.me")).body.result?.data ?? null;

  it("auth.methods tells the sign-in page about the provider's button", async () => {
    const methods = await stack.anonymous().query("auth.methods");
    expect(methods.body.result?.data).toEqual({
      password: "on",
      sso: { name: "Example ID", startUrl: "/auth/oidc/start" },
    });
  });

  it("uses PKCE (S256), state and nonce, keeping them server-side behind an HttpOnly SameSite=Lax cookie", async () => {
    idp.signInAs(nia.sub);
    const res = await fetch(`${stack.api.url}/auth/oidc/start`, { redirect: "manual" });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location") ?? "");
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get("response_type")).toBe("code");
    expect(to.searchParams.get("client_id")).toBe(idp.clientId);
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    expect(to.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get("state")?.length).toBeGreaterThanOrEqual(22);
    expect(to.searchParams.get("nonce")?.length).toBeGreaterThanOrEqual(22);
    expect(to.searchParams.get("scope")).toBe("openid email profile groups");
    expect(to.searchParams.get("redirect_uri")).toBe(`${stack.api.url}/auth/oidc/callback`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("vbo_sso=")) ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/auth\/oidc/);
    // The verifier never leaves the server: not in the URL, not in the cookie.
    const { rows } = await stack.api.db.query<{ code_verifier: string }>(
      "SELECT code_verifier FROM oidc_sign_in WHERE state = $1",
      [to.searchParams.get("state")],
    );
    const verifier = rows[0]?.code_verifier ?? "";
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    expect(to.href).not.toContain(verifier);
    expect(cookie).not.toContain(verifier);
  });

  it("the first sign-in creates the user with the mapped role and a working session; no TOTP enrolment", async () => {
    expect(await users.findByEmail(stack.api.db, nia.email)).toBeNull();
    const { landed, client, browser } = await ssoSignIn(nia.sub, "/auth/oidc/start?next=%2Ftransactions%3Fskip%3D50");
    expect(`${landed.pathname}${landed.search}`).toBe("/transactions?skip=50");
    // The flow went through the provider's authorization and login steps and came back to our callback.
    expect(browser.visited.some((u) => u.origin === idp.issuer && u.pathname === "/auth")).toBe(true);
    expect(browser.visited.some((u) => u.pathname === "/auth/oidc/callback" && u.searchParams.has("code"))).toBe(true);
    const signedIn = await me(client);
    // operations is in MFA_REQUIRED_ROLES here, yet the provider's sign-in counts as the factor.
    expect(signedIn).toMatchObject({ user: { email: "nia.ops@example.com", name: "Nia Ops", role: "operations" } });
    expect(signedIn?.next).toBeNull();
    expect((await client.query("authentications.list", { limit: 1 })).status).toBe(200);
    const created = await users.findCredentialsByEmail(stack.api.db, nia.email);
    expect(created?.passwordHash).toBeNull();
    expect(created?.user.lastSignInAt).not.toBeNull();
    const [event] = await ssoEvents();
    expect(event).toMatchObject({
      outcome: "success",
      actorEmail: "nia.ops@example.com",
      actorRole: "operations",
      target: "nia.ops@example.com",
      input: { issuer: idp.issuer, subject: nia.sub, groups: ["backoffice-ops"], role: "operations", created: true },
    });
    // A password-less user cannot sign in with any password, nor change the password they do not have.
    const attempt = await stack.anonymous().mutate("auth.login", { email: nia.email, password: "anything-at-all" });
    expect(attempt.status).toBe(401);
    const change = await client.mutate("account.changePassword", { current: "x", next: "a-long-new-password-1" });
    expect(change.status).toBe(412);
    expect(change.body.error?.message).toBe(
      "You sign in through single sign-on: there is no back-office password to change",
    );
  });

  it("re-reads the role at every sign-in: a changed group changes the role, audited", async () => {
    const first = await ssoSignIn(ola.sub);
    expect((await me(first.client))?.user.role).toBe("operations");
    (idp.accounts.get(ola.sub) as IdpAccount).groups = ["backoffice-ops", "backoffice-support", "unrelated"];
    const second = await ssoSignIn(ola.sub);
    expect((await me(second.client))?.user.role).toBe("support");
    // The earlier session follows the user's new role too.
    expect((await me(first.client))?.user.role).toBe("support");
    const [change] = await ssoEvents("auth.sso.role");
    expect(change).toMatchObject({
      outcome: "success",
      target: "ola@example.com",
      input: { from: "operations", to: "support" },
    });
    // Taken out of every mapped group: refused, and the user is left as they were.
    (idp.accounts.get(ola.sub) as IdpAccount).groups = ["unrelated"];
    const third = await ssoSignIn(ola.sub);
    expect(third.landed.search).toBe("?sso_error=unmapped");
    expect(await me(third.client)).toBeNull();
  });

  it("refuses an account in no mapped group with the sign-in page's message, and creates no user", async () => {
    const { landed, client } = await ssoSignIn(pat.sub);
    expect(`${landed.pathname}${landed.search}`).toBe("/login?sso_error=unmapped");
    expect(await me(client)).toBeNull();
    expect(client.cookie ?? "").not.toContain("vbo_session");
    expect(await users.findByEmail(stack.api.db, pat.email)).toBeNull();
    const [event] = await ssoEvents();
    expect(event).toMatchObject({
      outcome: "refused",
      actorId: null,
      target: "pat@example.com",
      input: { subject: pat.sub, groups: ["everyone"] },
    });
    expect(event?.error).toMatch(/no group in groups is mapped/);
  });

  it("refuses a replayed state: the callback's state is good once", async () => {
    const { browser, client, setCookies } = await ssoSignIn(nia.sub);
    expect((await me(client))?.user.email).toBe("nia.ops@example.com");
    const callback = browser.visited.find((u) => u.pathname === "/auth/oidc/callback");
    const binding = setCookies
      .find((c) => /^vbo_sso=[^;]+/.test(c))
      ?.split(";")[0]
      ?.slice("vbo_sso=".length);
    if (!callback || !binding) throw new Error("no callback or binding cookie in the flow");
    // Someone who captured the whole callback request — URL and binding cookie — sends it again.
    const replayer = new RedirectBrowser(stack.api.url);
    replayer.setCookie(new URL(stack.api.url).origin, "vbo_sso", binding);
    const replay = await replayer.navigate(callback.href);
    expect(`${replay.landed.pathname}${replay.landed.search}`).toBe("/login?sso_error=expired");
    expect(replay.setCookies.some((c) => c.startsWith("vbo_session="))).toBe(false);
    const [event] = await ssoEvents();
    expect(event).toMatchObject({ outcome: "refused", error: "unknown, expired or already used state" });
  });

  it("refuses a callback delivered to another browser than the one that started the sign-in", async () => {
    idp.signInAs(nia.sub);
    const victim = new RedirectBrowser(stack.api.url);
    const apiOrigin = new URL(stack.api.url).origin;
    const start = await fetch(`${stack.api.url}/auth/oidc/start`, { redirect: "manual" });
    // The attacker went through the provider in their own browser and stopped at the callback...
    const attacker = new RedirectBrowser(stack.api.url);
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith("vbo_sso=")) ?? "";
    attacker.setCookie(apiOrigin, "vbo_sso", cookie.split(";")[0]?.split("=")[1] ?? "");
    const authorize = start.headers.get("location") ?? "";
    const atProvider = await attacker.untilCallback(authorize);
    // ...and makes the victim's browser (without the binding cookie) open it: a login CSRF.
    const forced = await victim.navigate(atProvider);
    expect(`${forced.landed.pathname}${forced.landed.search}`).toBe("/login?sso_error=expired");
    expect(forced.setCookies.some((c) => c.startsWith("vbo_session="))).toBe(false);
    const [event] = await ssoEvents();
    expect(event).toMatchObject({ outcome: "refused", error: "the sign-in was started by another browser" });
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    {
      what: "issued for another client (wrong audience)",
      tamper: (claims: Record<string, unknown>) => ({ ...claims, aud: "some-other-app" }),
      error: /"aud" \(audience\)/,
    },
    {
      what: "that has expired",
      tamper: (claims: Record<string, unknown>) => ({ ...claims, iat: now - 3600, exp: now - 600 }),
      error: /"exp" \(expiration time\)/,
    },
  ])("refuses an ID token $what", async ({ tamper, error }) => {
    idp.changeIdTokens(tamper);
    try {
      const { landed, client } = await ssoSignIn(nia.sub);
      expect(`${landed.pathname}${landed.search}`).toBe("/login?sso_error=invalid");
      expect(await me(client)).toBeNull();
    } finally {
      idp.changeIdTokens(null);
    }
    const [event] = await ssoEvents();
    expect(event?.outcome).toBe("refused");
    expect(event?.error).toMatch(error);
  });

  it("refuses an ID token whose nonce is not this sign-in's", async () => {
    idp.changeIdTokens((claims) => ({ ...claims, nonce: "a-nonce-from-another-sign-in" }));
    try {
      const { landed } = await ssoSignIn(nia.sub);
      expect(landed.search).toBe("?sso_error=invalid");
    } finally {
      idp.changeIdTokens(null);
    }
    expect((await ssoEvents())[0]?.error).toMatch(/nonce/);
  });

  it("says so when the user cancels at the provider", async () => {
    idp.denyNext();
    const { landed } = await ssoSignIn(nia.sub);
    expect(landed.search).toBe("?sso_error=denied");
    expect((await ssoEvents())[0]).toMatchObject({ outcome: "refused", error: "provider refused: access_denied" });
  });

  it("a disabled user stays refused; an existing password user is linked by email", async () => {
    const adminClient = await stack.signIn("admin@demo.test");
    const { client, landed } = await ssoSignIn(admin.sub);
    expect(landed.pathname).toBe("/");
    const linked = await me(client);
    expect(linked?.user).toMatchObject({ email: "admin@demo.test", role: "admin" });
    const nia1 = await users.findByEmail(stack.api.db, nia.email);
    const disabled = await adminClient.mutate("users.disable", { id: nia1?.id });
    expect(disabled.status).toBe(200);
    const refused = await ssoSignIn(nia.sub);
    expect(refused.landed.search).toBe("?sso_error=disabled");
    expect(await me(refused.client)).toBeNull();
    expect((await ssoEvents())[0]).toMatchObject({ outcome: "refused", error: "the user is disabled" });
  });
});
