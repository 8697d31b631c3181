import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, startStack } from "./harness.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

type AuditEvent = {
  at: string;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  target: string | null;
  input: unknown;
  outcome: string;
  error: string | null;
  requestId: string | null;
};
type Page = { items: AuditEvent[]; count: number };

describe.each(testDatabaseKinds)("audit trail on %s", (kind) => {
  let stack: Stack;
  let manager: Client;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({ authentications: 20, databaseUrl: database.url });
    manager = await stack.signIn("manager@demo.test");
  });
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  async function newest(n = 1): Promise<Page> {
    return (await manager.query<Page>("audit.list", { limit: n })).body.result?.data ?? { items: [], count: 0 };
  }

  /** Runs `act` and returns the audit events it added (there must be exactly `expected` of them). */
  async function eventsOf(act: () => Promise<unknown>): Promise<AuditEvent[]> {
    const before = (await newest()).count;
    await act();
    const after = await newest(10);
    return after.items.slice(0, after.count - before);
  }

  describe("every mutation writes exactly one audit event", () => {
    it("a successful sign-in, with the password removed", async () => {
      const events = await eventsOf(() => stack.signIn("support@demo.test"));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "auth.login",
        actorEmail: "support@demo.test",
        actorRole: "support",
        outcome: "success",
        target: "support@demo.test",
      });
      expect(JSON.stringify(events[0]?.input)).not.toContain("demo-password-1");
    });

    it("a failed sign-in is refused, without saying more", async () => {
      const events = await eventsOf(() =>
        stack.anonymous().mutate("auth.login", { email: "admin@demo.test", password: "guess-guess-guess" }),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "auth.login", outcome: "refused", actorEmail: null });
      expect(JSON.stringify(events[0]?.input)).not.toContain("guess-guess-guess");
    });

    it("a mutation refused for lack of permission names the actor", async () => {
      const support = await stack.signIn("support@demo.test");
      const events = await eventsOf(() =>
        support.mutate("users.create", {
          email: "x@demo.test",
          name: "X",
          role: "admin",
          password: "a-long-enough-password",
        }),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "users.create",
        actorEmail: "support@demo.test",
        outcome: "refused",
        target: "x@demo.test",
      });
      expect(events[0]?.error).toMatch(/FORBIDDEN.*users\.manage/);
    });

    it("a mutation refused by validation", async () => {
      const admin = await stack.signIn("admin@demo.test");
      const events = await eventsOf(() => admin.mutate("users.setRole", { id: "not-a-uuid", role: "pope" }));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "users.setRole", actorEmail: "admin@demo.test", outcome: "refused" });
      expect(events[0]?.error).toMatch(/BAD_REQUEST/);
    });

    it("a mutation without a session", async () => {
      const events = await eventsOf(() =>
        stack.anonymous().mutate("users.disable", { id: "00000000-0000-4000-8000-000000000000" }),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "users.disable", actorEmail: null, outcome: "refused" });
    });

    it("a successful mutation keeps the request id", async () => {
      const admin = await stack.signIn("admin@demo.test");
      const events = await eventsOf(() =>
        admin.mutate("users.create", {
          email: "audited@demo.test",
          name: "Audited",
          role: "support",
          password: "a-long-enough-password",
        }),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "users.create", outcome: "success", target: "audited@demo.test" });
      expect(events[0]?.requestId).toMatch(/\w{8,}/);
      expect(JSON.stringify(events[0]?.input)).not.toContain("a-long-enough-password");
    });

    it("two admins changing one user at once: last write wins, both audited", async () => {
      const [a, b] = [await stack.signIn("admin@demo.test"), await stack.signIn("admin@demo.test")];
      const created = await a.mutate<{ id: string }>("users.create", {
        email: "contested@demo.test",
        name: "C",
        role: "operations",
        password: "a-long-enough-password",
      });
      const id = created.body.result?.data.id;
      const events = await eventsOf(() =>
        Promise.all([
          a.mutate("users.setRole", { id, role: "support" }),
          b.mutate("users.setRole", { id, role: "manager" }),
        ]),
      );
      expect(events.filter((e) => e.action === "users.setRole" && e.outcome === "success")).toHaveLength(2);
      const list = await a.query<{ items: { id: string; role: string }[] }>("users.list");
      expect(["support", "manager"]).toContain(list.body.result?.data.items.find((u) => u.id === id)?.role);
    });
  });

  describe("reading the trail", () => {
    it("filters by actor, action and outcome, newest first", async () => {
      const page = (
        await manager.query<Page>("audit.list", {
          actor: "admin@demo.test",
          action: "users.create",
          outcome: "success",
        })
      ).body.result?.data;
      expect(page?.count).toBeGreaterThanOrEqual(2);
      expect(
        page?.items.every(
          (e) => e.actorEmail === "admin@demo.test" && e.action === "users.create" && e.outcome === "success",
        ),
      ).toBe(true);
      const times = page?.items.map((e) => Date.parse(e.at)) ?? [];
      expect([...times].sort((x, y) => y - x)).toEqual(times);
    });

    it("operations and support may not read it", async () => {
      expect((await stack.query("audit.list", {})).status).toBe(403);
      expect((await (await stack.signIn("support@demo.test")).query("audit.list", {})).status).toBe(403);
    });

    it("exports the filtered set as CSV", async () => {
      const res = await fetch(`${stack.api.url}/export/audit.csv?action=auth.login&outcome=refused`, {
        headers: { cookie: manager.cookie ?? "" },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/csv/);
      const lines = (await res.text()).trim().split("\n");
      expect(lines[0]).toBe("at,actorEmail,actorRole,action,target,outcome,upstreamStatus,error,requestId,input");
      const listed = (await manager.query<Page>("audit.list", { action: "auth.login", outcome: "refused" })).body.result
        ?.data.count;
      expect(lines.length - 1).toBe(listed);
      expect(lines.slice(1).every((l) => l.includes("auth.login") && l.includes("refused"))).toBe(true);
    });

    it("refuses the CSV without a session or the permission", async () => {
      expect((await fetch(`${stack.api.url}/export/audit.csv`)).status).toBe(401);
      expect(
        (await fetch(`${stack.api.url}/export/audit.csv`, { headers: { cookie: stack.cookie ?? "" } })).status,
      ).toBe(403);
    });

    it("the table refuses UPDATE and DELETE", async () => {
      await expect(stack.api.db.query("UPDATE audit_event SET outcome = 'success'")).rejects.toThrow();
      await expect(stack.api.db.query("DELETE FROM audit_event")).rejects.toThrow();
    });
  });
});
