import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, startStack } from "./harness.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

type Preferences = { timeZone: string | null };
type AuditEvent = { action: string; actorEmail: string | null; target: string | null; outcome: string };

describe.each(testDatabaseKinds)("account preferences (time zone) on %s", (kind) => {
  let stack: Stack;
  let database: TestDatabase;
  let ops: Client;
  let manager: Client;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({ authentications: 5, databaseUrl: database.url });
    ops = await stack.signIn("ops@demo.test");
    manager = await stack.signIn("manager@demo.test");
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  const preferencesOf = async (client: Client) => (await client.query<Preferences>("account.preferences")).body;

  it("starts with no zone (the browser's), keeps a chosen zone in Intl's spelling, per staff member", async () => {
    expect((await preferencesOf(ops)).result?.data).toEqual({ timeZone: null });
    const set = await ops.mutate<Preferences>("account.setTimeZone", { timeZone: "europe/berlin" });
    expect(set.status).toBe(200);
    expect(set.body.result?.data).toEqual({ timeZone: "Europe/Berlin" });
    expect((await preferencesOf(ops)).result?.data).toEqual({ timeZone: "Europe/Berlin" });
    expect((await preferencesOf(manager)).result?.data).toEqual({ timeZone: null });
  });

  it("follows the member to another session (another machine)", async () => {
    await ops.mutate("account.setTimeZone", { timeZone: "Pacific/Kiritimati" });
    const elsewhere = await stack.signIn("ops@demo.test");
    expect((await preferencesOf(elsewhere)).result?.data).toEqual({ timeZone: "Pacific/Kiritimati" });
    const back = await elsewhere.mutate<Preferences>("account.setTimeZone", { timeZone: null });
    expect(back.body.result?.data).toEqual({ timeZone: null });
    expect((await preferencesOf(ops)).result?.data).toEqual({ timeZone: null });
  });

  it("refuses what is not a zone with BAD_REQUEST naming timeZone, and changes nothing", async () => {
    await ops.mutate("account.setTimeZone", { timeZone: "UTC" });
    for (const timeZone of ["Mars/Olympus_Mons", "+01:00", "", 42]) {
      const refused = await ops.mutate("account.setTimeZone", { timeZone });
      expect(refused.status, String(timeZone)).toBe(400);
      expect(refused.body.error?.data.code).toBe("BAD_REQUEST");
      expect(refused.body.error?.message).toMatch(/timeZone/);
      expect(refused.body.error?.data.problems?.[0]?.path).toEqual(["timeZone"]);
    }
    expect((await preferencesOf(ops)).result?.data).toEqual({ timeZone: "UTC" });
  });

  it("needs a session, and every change is in the audit trail", async () => {
    const anonymous = stack.anonymous();
    expect((await anonymous.query("account.preferences")).body.error?.data.code).toBe("UNAUTHORIZED");
    expect((await anonymous.mutate("account.setTimeZone", { timeZone: "UTC" })).body.error?.data.code).toBe(
      "UNAUTHORIZED",
    );
    await ops.mutate("account.setTimeZone", { timeZone: "Asia/Kolkata" });
    const audit = await manager.query<{ items: AuditEvent[] }>("audit.list", { action: "account.setTimeZone" });
    const events = audit.body.result?.data.items ?? [];
    expect(events[0]).toMatchObject({ actorEmail: "ops@demo.test", target: "Asia/Kolkata", outcome: "success" });
    expect(events.some((e) => e.outcome === "refused" && e.target === "Mars/Olympus_Mons")).toBe(true);
  });
});
