import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

describe.each(testDatabaseKinds)("staff sign-in on %s", (kind) => {
  let stack: Stack;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({ authentications: 50, databaseUrl: database.url });
  });
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  type Me = { user: { id: string; email: string; name: string; role: string } } | null;

  describe("sign-in", () => {
    it("sets an httpOnly, SameSite=Strict session cookie and auth.me knows the user", async () => {
      const client = stack.anonymous();
      const answer = await client.mutate<{ user: { email: string; role: string } }>("auth.login", {
        email: "Manager@Demo.test",
        password: "demo-password-1",
      });
      expect(answer.status).toBe(200);
      expect(answer.body.result?.data.user).toMatchObject({ email: "manager@demo.test", role: "manager" });
      const cookie = answer.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/vbo_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const me = await client.query<Me>("auth.me");
      expect(me.body.result?.data?.user.email).toBe("manager@demo.test");
    });

    it("without a session auth.me is null and reads are UNAUTHORIZED", async () => {
      const client = stack.anonymous();
      expect((await client.query<Me>("auth.me")).body.result?.data).toBeNull();
      const list = await client.query("authentications.list", {});
      expect(list.status).toBe(401);
      expect(list.body.error?.data.code).toBe("UNAUTHORIZED");
    });

    it("a wrong password and an unknown email get the same message", async () => {
      const wrong = await stack
        .anonymous()
        .mutate("auth.login", { email: "support@demo.test", password: "not-the-password" });
      const unknown = await stack
        .anonymous()
        .mutate("auth.login", { email: "nobody@demo.test", password: "not-the-password" });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.error?.message).toBe(unknown.body.error?.message);
      expect(wrong.body.error?.message).not.toMatch(/exist|unknown|no such/i);
    });

    it("throttles an account after repeated failures and says when to try again", async () => {
      const email = "throttle-me@demo.test";
      for (let i = 0; i < 5; i++) await stack.anonymous().mutate("auth.login", { email, password: "wrong-password-x" });
      const blocked = await stack.anonymous().mutate("auth.login", { email, password: "wrong-password-x" });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error?.message).toMatch(/Try again in \d+ s/);
    });

    it("sign-out ends the session on the server", async () => {
      const client = await stack.signIn("support@demo.test");
      const stolenCookie = client.cookie;
      expect((await client.mutate("auth.logout")).status).toBe(200);
      const replay = await fetch(`${stack.api.url}/trpc/auth.me`, { headers: { cookie: stolenCookie ?? "" } });
      expect(((await replay.json()) as { result: { data: unknown } }).result.data).toBeNull();
    });

    it("refuses a mutation from another origin, or with no Origin at all", async () => {
      const evil = await stack
        .anonymous()
        .mutate(
          "auth.login",
          { email: "admin@demo.test", password: "demo-password-1" },
          { origin: "https://evil.example" },
        );
      expect(evil.status).toBe(403);
      const none = await stack
        .anonymous()
        .mutate("auth.login", { email: "admin@demo.test", password: "demo-password-1" }, { origin: null });
      expect(none.status).toBe(403);
    });
  });

  describe("users (admins)", () => {
    it("create, change role, disable — and a disabled user's session ends at once", async () => {
      const admin = await stack.signIn("admin@demo.test");
      const created = await admin.mutate<{ id: string; role: string }>("users.create", {
        email: "new.person@demo.test",
        name: "New Person",
        role: "operations",
        password: "a-long-enough-password",
      });
      expect(created.status).toBe(200);
      const id = created.body.result?.data.id ?? "";

      const person = await stack.signIn("new.person@demo.test", "a-long-enough-password");
      expect((await person.query("authentications.count", {})).status).toBe(200);
      expect((await person.query("audit.list", {})).status).toBe(403);

      const promoted = await admin.mutate<{ role: string }>("users.setRole", { id, role: "manager" });
      expect(promoted.body.result?.data.role).toBe("manager");
      expect((await person.query("audit.list", {})).status).toBe(200);

      expect((await admin.mutate("users.disable", { id })).status).toBe(200);
      expect((await person.query("authentications.count", {})).status).toBe(401);
      const again = await stack
        .anonymous()
        .mutate("auth.login", { email: "new.person@demo.test", password: "a-long-enough-password" });
      expect(again.status).toBe(401);
    });

    it("refuses a duplicate email with CONFLICT and a short password naming the field", async () => {
      const admin = await stack.signIn("admin@demo.test");
      const dup = await admin.mutate("users.create", {
        email: "ops@demo.test",
        name: "Dup",
        role: "operations",
        password: "a-long-enough-password",
      });
      expect(dup.status).toBe(409);
      const short = await admin.mutate("users.create", {
        email: "short@demo.test",
        name: "Short",
        role: "operations",
        password: "short",
      });
      expect(short.status).toBe(400);
      expect(short.body.error?.data.problems?.[0]?.path).toEqual(["password"]);
    });

    it("an admin cannot disable themselves", async () => {
      const admin = await stack.signIn("admin@demo.test");
      const me = await admin.query<Me>("auth.me");
      const answer = await admin.mutate("users.disable", { id: me.body.result?.data?.user.id });
      expect(answer.status).toBe(412);
    });
  });
});
