import { randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, demoPassword, type Stack, startStack } from "./harness.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

type User = { id: string; email: string; role: string };
type SignIn = { user?: User; next?: string | null; mfa?: { methods: string[] } };
type StaffRow = User & { lastSignInAt: string | null; mustChangePassword: boolean; mfaEnrolled: boolean };

/** The code an authenticator app shows `steps` 30-second steps from now (the API accepts one step either way). */
const codeAt = (secret: string, steps = 0) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });

describe.each(testDatabaseKinds)("staff identity on %s", (kind) => {
  let stack: Stack;
  let database: TestDatabase;
  let admin: Client;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({ authentications: 20, databaseUrl: database.url });
    admin = await stack.signIn("admin@demo.test");
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  async function newStaff(role = "support", password = demoPassword) {
    const email = `identity-${crypto.randomUUID()}@demo.test`;
    const created = await admin.mutate<User>("users.create", { email, name: "Identity Test", role, password });
    expect(created.status).toBe(200);
    return created.body.result?.data as User;
  }

  async function login(email: string, password = demoPassword) {
    const client = stack.anonymous();
    const answer = await client.mutate<SignIn>("auth.login", { email, password });
    return { client, answer, data: answer.body.result?.data };
  }

  async function lastAudit(action: string, target: string) {
    const list = await admin.query<{ items: { action: string; outcome: string; input: unknown; target: string }[] }>(
      "audit.list",
      { action, target },
    );
    return list.body.result?.data.items[0];
  }

  async function enrol(client: Client) {
    const begun = await client.mutate<{ secret: string; uri: string }>("account.totp.begin");
    expect(begun.status).toBe(200);
    const secret = begun.body.result?.data.secret ?? "";
    const confirmed = await client.mutate<{ recoveryCodes: string[] }>("account.totp.confirm", {
      code: codeAt(secret, -1),
    });
    expect(confirmed.status).toBe(200);
    return {
      secret,
      uri: begun.body.result?.data.uri ?? "",
      recoveryCodes: confirmed.body.result?.data.recoveryCodes ?? [],
    };
  }

  describe("account lifecycle", () => {
    it("changing one's password needs the current one and ends the other sessions", async () => {
      const user = await newStaff();
      const laptop = (await login(user.email)).client;
      const phone = (await login(user.email)).client;
      const wrong = await laptop.mutate("account.changePassword", {
        current: "not-it-at-all",
        next: "a-new-password-1",
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error?.message).toMatch(/current password is incorrect/);
      const short = await laptop.mutate("account.changePassword", { current: demoPassword, next: "short" });
      expect(short.body.error?.data.problems?.[0]?.path).toEqual(["next"]);

      expect(
        (await laptop.mutate("account.changePassword", { current: demoPassword, next: "a-new-password-1" })).status,
      ).toBe(200);
      expect((await laptop.query("authentications.count", {})).status).toBe(200);
      expect((await phone.query("authentications.count", {})).status).toBe(401);
      expect((await login(user.email)).answer.status).toBe(401);
      expect((await login(user.email, "a-new-password-1")).answer.status).toBe(200);

      const event = await lastAudit("account.changePassword", "");
      expect(JSON.stringify(event)).not.toContain("a-new-password-1");
    });

    it("an admin's reset gives a temporary password that must be changed before anything else", async () => {
      const user = await newStaff();
      const before = (await login(user.email)).client;
      const reset = await admin.mutate<{ temporaryPassword: string }>("users.resetPassword", { id: user.id });
      expect(reset.status).toBe(200);
      const temporary = reset.body.result?.data.temporaryPassword ?? "";
      expect(temporary).toHaveLength(20);
      expect((await before.query("authentications.count", {})).status).toBe(401);
      expect((await login(user.email)).answer.status).toBe(401);

      const { client, data } = await login(user.email, temporary);
      expect(data).toMatchObject({ user: { email: user.email }, next: "change-password" });
      const blocked = await client.query("authentications.count", {});
      expect(blocked.status).toBe(401);
      expect(blocked.body.error?.message).toMatch(/Finish signing in first \(change-password\)/);
      expect((await client.query<SignIn>("auth.me")).body.result?.data).toMatchObject({ next: "change-password" });

      expect(
        (await client.mutate("account.changePassword", { current: temporary, next: "my-own-password-2" })).status,
      ).toBe(200);
      expect((await client.query<SignIn>("auth.me")).body.result?.data).toMatchObject({ next: null });
      expect((await client.query("authentications.count", {})).status).toBe(200);

      const audited = await lastAudit("users.resetPassword", user.id);
      expect(audited).toMatchObject({ outcome: "success" });
      expect(JSON.stringify(audited)).not.toContain(temporary);
      const again = await admin.mutate("users.resetPassword", {
        id: (await admin.query<{ user: User }>("auth.me")).body.result?.data.user.id,
      });
      expect(again.status).toBe(412);
    });

    it("a disabled user is re-enabled and signs in again", async () => {
      const user = await newStaff();
      expect((await admin.mutate("users.disable", { id: user.id })).status).toBe(200);
      expect((await login(user.email)).answer.status).toBe(401);
      const enabled = await admin.mutate<{ disabledAt: string | null }>("users.enable", { id: user.id });
      expect(enabled.body.result?.data.disabledAt).toBeNull();
      expect((await login(user.email)).answer.status).toBe(200);
      expect(await lastAudit("users.enable", user.id)).toMatchObject({ outcome: "success" });
      expect((await admin.mutate("users.enable", { id: crypto.randomUUID() })).status).toBe(404);
    });

    it("lists one's sessions, signs out the others, and an admin signs a user out everywhere", async () => {
      const user = await newStaff();
      const first = (await login(user.email)).client;
      const second = (await login(user.email)).client;
      type Sessions = {
        items: { id: string; ip: string; userAgent: string | null; lastSeenAt: string; current: boolean }[];
      };
      const listed = (await first.query<Sessions>("account.sessions")).body.result?.data.items ?? [];
      expect(listed).toHaveLength(2);
      expect(listed.filter((s) => s.current)).toHaveLength(1);
      expect(listed[0]).toMatchObject({ ip: "127.0.0.1", userAgent: expect.any(String) });

      const revoked = await first.mutate<{ revoked: number }>("account.revokeOtherSessions");
      expect(revoked.body.result?.data.revoked).toBe(1);
      expect((await second.query("authentications.count", {})).status).toBe(401);
      expect((await first.query("authentications.count", {})).status).toBe(200);

      const byAdmin = await admin.query<Sessions>("users.sessions", { id: user.id });
      expect(byAdmin.body.result?.data.items).toHaveLength(1);
      expect(
        (await admin.mutate<{ revoked: number }>("users.revokeSessions", { id: user.id })).body.result?.data.revoked,
      ).toBe(1);
      expect((await first.query("authentications.count", {})).status).toBe(401);
      expect(await lastAudit("users.revokeSessions", user.id)).toMatchObject({ outcome: "success" });
    });

    it("the Users page learns each user's last sign-in", async () => {
      const user = await newStaff();
      const listed = async () =>
        (await admin.query<{ items: StaffRow[] }>("users.list")).body.result?.data.items.find((u) => u.id === user.id);
      expect((await listed())?.lastSignInAt).toBeNull();
      await login(user.email);
      expect(Date.parse((await listed())?.lastSignInAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  describe("TOTP second factor", () => {
    it("enrols with one code, then sign-in asks for a code; a pending session can do nothing else", async () => {
      const user = await newStaff();
      const { client } = await login(user.email);
      const begun = await client.mutate<{ secret: string }>("account.totp.begin");
      const secret = begun.body.result?.data.secret ?? "";
      expect((await client.mutate("account.totp.confirm", { code: "000000" })).status).toBe(400);
      const { recoveryCodes } = (
        await client.mutate<{ recoveryCodes: string[] }>("account.totp.confirm", { code: codeAt(secret, -1) })
      ).body.result?.data ?? { recoveryCodes: [] };
      expect(recoveryCodes).toHaveLength(10);
      expect((await client.mutate("account.totp.begin")).status).toBe(412);

      const pending = await login(user.email);
      expect(pending.data).toEqual({ mfa: { methods: ["totp", "recovery"] } });
      expect((await pending.client.query("authentications.count", {})).status).toBe(401);
      expect((await pending.client.query("auth.me")).body.result?.data).toBeNull();
      expect((await pending.client.mutate("auth.mfa.verify", { totp: "000000" })).status).toBe(401);
      const verified = await pending.client.mutate<SignIn>("auth.mfa.verify", { totp: codeAt(secret, 0) });
      expect(verified.body.result?.data).toMatchObject({ user: { email: user.email }, next: null });
      expect((await pending.client.query("authentications.count", {})).status).toBe(200);

      // the same code again, within its window: refused
      const replay = await login(user.email);
      expect((await replay.client.mutate("auth.mfa.verify", { totp: codeAt(secret, 0) })).status).toBe(401);
      // a recovery code works once
      const code = recoveryCodes[3] ?? "";
      expect(
        (await replay.client.mutate<SignIn>("auth.mfa.verify", { recoveryCode: code })).body.result?.data?.user?.email,
      ).toBe(user.email);
      const reuse = await login(user.email);
      expect((await reuse.client.mutate("auth.mfa.verify", { recoveryCode: code })).status).toBe(401);

      const status = await reuse.client.query("account.totp.status");
      expect(status.status).toBe(401);
      const listed = (await admin.query<{ items: StaffRow[] }>("users.list")).body.result?.data.items.find(
        (u) => u.id === user.id,
      );
      expect(listed?.mfaEnrolled).toBe(true);
    });

    it("the secret leaves the API only once, and never into the audit trail", async () => {
      const user = await newStaff();
      const { client } = await login(user.email);
      const { secret, uri } = await enrol(client);
      expect(uri).toContain(`secret=${secret}`);
      const events = await admin.query<{ items: unknown[] }>("audit.list", { actor: user.email });
      expect(JSON.stringify(events.body.result?.data)).not.toContain(secret);
      expect(JSON.stringify((await client.query("account.totp.status")).body)).not.toContain(secret);
    });

    it("disabling needs a fresh code; afterwards the password alone signs in", async () => {
      const user = await newStaff("operations");
      const { client } = await login(user.email);
      const { secret } = await enrol(client);
      expect((await client.mutate("account.totp.disable", { code: "123456" })).status).toBe(400);
      // the code used to confirm (step -1) cannot be used again
      expect((await client.mutate("account.totp.disable", { code: codeAt(secret, -1) })).status).toBe(400);
      expect((await client.mutate("account.totp.disable", { code: codeAt(secret, 0) })).status).toBe(200);
      expect((await login(user.email)).data).toMatchObject({ user: { email: user.email } });
    });

    it("an admin resets a user's factors: signed out, and the next sign-in needs the password only", async () => {
      const user = await newStaff();
      const { client } = await login(user.email);
      await enrol(client);
      expect((await admin.mutate("users.resetMfa", { id: user.id })).status).toBe(200);
      expect((await client.query("authentications.count", {})).status).toBe(401);
      expect((await login(user.email)).data).toMatchObject({ user: { email: user.email }, next: null });
      expect(await lastAudit("users.resetMfa", user.id)).toMatchObject({ outcome: "success" });
    });

    it("guessing codes is throttled like passwords", async () => {
      const user = await newStaff();
      const { client } = await login(user.email);
      await enrol(client);
      const pending = await login(user.email);
      const answers: number[] = [];
      for (let i = 0; i < 11; i++)
        answers.push((await pending.client.mutate("auth.mfa.verify", { totp: "000000" })).status);
      expect(answers.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(answers[10]).toBe(429);
    });
  });
});

describe.each(testDatabaseKinds)("MFA_REQUIRED_ROLES on %s", (kind) => {
  let stack: Stack;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({
      authentications: 20,
      databaseUrl: database.url,
      identity: { mfaRequiredRoles: ["admin"], totpKey: randomBytes(32) },
    });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  it("a role that requires a factor enrols one at sign-in before anything else; others are not asked", async () => {
    const client = stack.anonymous();
    const answer = await client.mutate<SignIn>("auth.login", { email: "admin@demo.test", password: demoPassword });
    expect(answer.body.result?.data).toMatchObject({ user: { email: "admin@demo.test" }, next: "enrol-mfa" });
    expect((await client.query("users.list")).status).toBe(401);
    const begun = await client.mutate<{ secret: string }>("account.totp.begin");
    const secret = begun.body.result?.data.secret ?? "";
    // stored encrypted: the database never holds the secret in the clear
    const { rows } = await stack.api.db.query<{ secret: string }>("SELECT secret FROM totp_factor");
    expect(rows[0]?.secret).toMatch(/^v1:/);
    expect(rows[0]?.secret).not.toContain(secret);
    expect((await client.mutate("account.totp.confirm", { code: codeAt(secret, 0) })).status).toBe(200);
    expect((await client.query("users.list")).status).toBe(200);
    // … and it cannot be switched off while the role requires it
    expect((await client.mutate("account.totp.disable", { code: codeAt(secret, 1) })).status).toBe(412);

    const ops = await stack
      .anonymous()
      .mutate<SignIn>("auth.login", { email: "ops@demo.test", password: demoPassword });
    expect(ops.body.result?.data).toMatchObject({ next: null });
  });
});
