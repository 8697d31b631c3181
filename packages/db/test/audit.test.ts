import { expect, it } from "vitest";
import * as audit from "../src/audit.ts";
import { migrate } from "../src/migrations/index.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser, unique } from "./fixtures.ts";

const t0 = new Date("2030-03-01T12:00:00.000Z");
const minutesAfter = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function event(overrides: Partial<audit.NewAuditEvent> = {}): audit.NewAuditEvent {
  return {
    actorId: "11111111-1111-4111-8111-111111111111",
    actorEmail: "support@demo.test",
    actorRole: "support",
    action: "transactions.refund",
    target: "txn-1",
    input: { amount: 1250, reason: "damaged" },
    upstreamStatus: 201,
    outcome: "success",
    requestId: "req-1",
    ...overrides,
  };
}

describeEachDriver("audit", ({ db, fresh }) => {
  it("appends an event and reads it back as written", async () => {
    const target = unique("txn");
    const written = await audit.append(db(), event({ target, input: ["a", { nested: true }], at: minutesAfter(1) }));
    expect(written).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: minutesAfter(1),
      actorId: "11111111-1111-4111-8111-111111111111",
      actorEmail: "support@demo.test",
      actorRole: "support",
      action: "transactions.refund",
      target,
      input: ["a", { nested: true }],
      upstreamStatus: 201,
      outcome: "success",
      error: null,
      requestId: "req-1",
    });
    expect((await audit.list(db(), { target, limit: 10, skip: 0 })).items).toEqual([written]);
  });

  it("stamps the database time when none is given", async () => {
    const before = Date.now();
    const written = await audit.append(db(), event({ target: unique("txn"), outcome: "refused", input: undefined }));
    expect(Math.abs(written.at.getTime() - before)).toBeLessThan(60_000);
    expect(written.input).toBeNull();
  });

  it("lists newest first with the total count, paging with limit and skip", async () => {
    const target = unique("txn");
    for (const minutes of [3, 1, 2, 5, 4]) await audit.append(db(), event({ target, at: minutesAfter(minutes) }));
    const first = await audit.list(db(), { target, limit: 2, skip: 0 });
    expect(first.count).toBe(5);
    expect(first.items.map((item) => item.at)).toEqual([minutesAfter(5), minutesAfter(4)]);
    const last = await audit.list(db(), { target, limit: 2, skip: 4 });
    expect(last.items.map((item) => item.at)).toEqual([minutesAfter(1)]);
    expect(last.count).toBe(5);
  });

  it("breaks ties in time by insertion order, newest first", async () => {
    const target = unique("txn");
    const a = await audit.append(db(), event({ target, at: t0 }));
    const b = await audit.append(db(), event({ target, at: t0 }));
    expect((await audit.list(db(), { target, limit: 10, skip: 0 })).items.map((item) => item.id)).toEqual([b.id, a.id]);
  });

  it("filters by actor (email or id), action, target, outcome and time range", async () => {
    const action = unique("tokens.suspend");
    const carol = { actorId: "22222222-2222-4222-8222-222222222222", actorEmail: "carol@demo.test" };
    await audit.append(db(), event({ action, target: "tok-1", outcome: "success", at: minutesAfter(1) }));
    await audit.append(db(), event({ action, target: "tok-2", outcome: "failure", at: minutesAfter(2) }));
    await audit.append(db(), event({ action, target: "tok-1", outcome: "refused", at: minutesAfter(3), ...carol }));
    const targets = async (filters: audit.AuditFilters) => {
      const { items, count } = await audit.list(db(), { action, ...filters, limit: 100, skip: 0 });
      expect(count).toBe(items.length);
      return items.map((item) => `${item.target}@${item.at.getTime() - t0.getTime()}`);
    };
    expect(await targets({})).toEqual(["tok-1@180000", "tok-2@120000", "tok-1@60000"]);
    expect(await targets({ actor: "Carol@Demo.test" })).toEqual(["tok-1@180000"]);
    expect(await targets({ actor: carol.actorId })).toEqual(["tok-1@180000"]);
    expect(await targets({ target: "tok-1" })).toEqual(["tok-1@180000", "tok-1@60000"]);
    expect(await targets({ outcome: "failure" })).toEqual(["tok-2@120000"]);
    expect(await targets({ from: minutesAfter(2) })).toEqual(["tok-1@180000", "tok-2@120000"]);
    expect(await targets({ to: minutesAfter(2) })).toEqual(["tok-2@120000", "tok-1@60000"]);
    expect(await targets({ from: minutesAfter(2), to: minutesAfter(2) })).toEqual(["tok-2@120000"]);
    expect(await targets({ target: "tok-1", outcome: "success" })).toEqual(["tok-1@60000"]);
  });

  it("filters by part of the actor's email or name, case-insensitively, with % and _ taken literally", async () => {
    const action = unique("users.disable");
    const dora = await newUser(db(), "admin", `${unique("dora")}@shop.test`);
    await db().query("UPDATE staff_user SET name = 'Dora Smith-Jones' WHERE id = $1", [dora.id]);
    await audit.append(db(), event({ action, target: "by-dora", actorId: dora.id, actorEmail: dora.email }));
    await audit.append(db(), event({ action, target: "by-support", at: minutesAfter(1) }));
    const targets = async (actor: string) =>
      (await audit.list(db(), { action, actor, limit: 10, skip: 0 })).items.map((e) => e.target);
    expect(await targets("DORA")).toEqual(["by-dora"]);
    expect(await targets("@shop.")).toEqual(["by-dora"]);
    expect(await targets("smith-j")).toEqual(["by-dora"]);
    expect(await targets("support@")).toEqual(["by-support"]);
    expect(await targets("@")).toEqual(["by-support", "by-dora"]);
    expect(await targets("%")).toEqual([]);
    expect(await targets("_")).toEqual([]);
  });

  it("counts every event without filters", async () => {
    const database = await (await fresh()).open();
    await migrate(database);
    for (let i = 0; i < 3; i++) await audit.append(database, event());
    expect((await audit.list(database, { limit: 1, skip: 0 })).count).toBe(3);
  });

  it("refuses a bad limit or skip, naming it", async () => {
    await expect(audit.list(db(), { limit: 0, skip: 0 })).rejects.toThrow(/^limit must be an integer from 1/);
    await expect(audit.list(db(), { limit: 10, skip: -1 })).rejects.toThrow(/^skip must be an integer from 0/);
  });

  it("streams every matching event newest first across batches, ties included", async () => {
    const target = unique("txn");
    const written: audit.AuditEvent[] = [];
    // 7 events over 4 distinct instants, streamed 2 at a time: batches split ties on `at`.
    for (const minutes of [1, 2, 2, 2, 3, 4, 4]) {
      written.push(await audit.append(db(), event({ target, at: minutesAfter(minutes) })));
    }
    await audit.append(db(), event({ target: unique("other"), at: minutesAfter(2) }));
    const streamed: audit.AuditEvent[] = [];
    for await (const item of audit.stream(db(), { target }, { batchSize: 2 })) streamed.push(item);
    const expected = [...written].sort((a, b) => b.at.getTime() - a.at.getTime() || Number(b.id) - Number(a.id));
    expect(streamed.map((item) => item.id)).toEqual(expected.map((item) => item.id));
  });

  it("streams nothing when nothing matches", async () => {
    const streamed: audit.AuditEvent[] = [];
    for await (const item of audit.stream(db(), { target: unique("none") })) streamed.push(item);
    expect(streamed).toEqual([]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of the trail at the database", async () => {
    const target = unique("txn");
    const written = await audit.append(db(), event({ target }));
    await expect(db().query("UPDATE audit_event SET outcome = 'failure' WHERE id = $1", [written.id])).rejects.toThrow(
      "audit_event is append-only: UPDATE refused",
    );
    await expect(db().query("DELETE FROM audit_event WHERE id = $1", [written.id])).rejects.toThrow(
      "audit_event is append-only: DELETE refused",
    );
    await expect(db().query("TRUNCATE audit_event")).rejects.toThrow("audit_event is append-only: TRUNCATE refused");
    expect((await audit.list(db(), { target, limit: 10, skip: 0 })).items).toEqual([written]);
  });
});
