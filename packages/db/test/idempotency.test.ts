import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import * as idempotency from "../src/idempotency.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser } from "./fixtures.ts";

describeEachDriver("idempotency", ({ kind, db, connectAgain }) => {
  async function request(overrides: Partial<idempotency.BeginRequest> = {}): Promise<idempotency.BeginRequest> {
    const actor = await newUser(db());
    return {
      key: randomUUID(),
      actorId: actor.id,
      action: "transactions.refund",
      target: "txn-42",
      requestHash: "hash-of-amount-1250",
      ...overrides,
    };
  }

  it("says new the first time and in_flight while the first is running", async () => {
    const first = await request();
    expect(await idempotency.begin(db(), first)).toEqual({ state: "new" });
    expect(await idempotency.begin(db(), first)).toEqual({ state: "in_flight" });
  });

  it("replays the stored response once completed", async () => {
    const first = await request();
    await idempotency.begin(db(), first);
    const response = { id: "refund-1", amount: 1250, items: [1, 2] };
    expect(await idempotency.complete(db(), first.key, response, 201)).toBe(true);
    expect(await idempotency.begin(db(), first)).toEqual({ state: "completed", response, upstreamStatus: 201 });
    expect(await idempotency.complete(db(), first.key, { other: true }, 200)).toBe(false);
  });

  it("refuses the same key for a different request, action, target or actor", async () => {
    const first = await request();
    await idempotency.begin(db(), first);
    const stranger = await newUser(db());
    for (const change of [
      { requestHash: "hash-of-amount-9999" },
      { action: "transactions.capture" },
      { target: "txn-43" },
      { actorId: stranger.id },
    ]) {
      expect(await idempotency.begin(db(), { ...first, ...change })).toEqual({ state: "conflict" });
    }
    await idempotency.complete(db(), first.key, { ok: true }, 201);
    expect(await idempotency.begin(db(), { ...first, requestHash: "other" })).toEqual({ state: "conflict" });
  });

  it("lets the same request try again after a failure", async () => {
    const first = await request();
    await idempotency.begin(db(), first);
    expect(await idempotency.fail(db(), first.key, { error: "upstream timed out", upstreamStatus: 504 })).toBe(true);
    expect(await idempotency.begin(db(), first)).toEqual({ state: "new", previousError: "upstream timed out" });
    expect(await idempotency.begin(db(), first)).toEqual({ state: "in_flight" });
    expect(await idempotency.begin(db(), { ...first, requestHash: "different" })).toEqual({ state: "conflict" });
  });

  it("takes over an in_flight record only when older than retakeInFlightAfterMs", async () => {
    const now = new Date("2030-05-01T10:00:00.000Z");
    const first = await request({ now });
    await idempotency.begin(db(), first);
    const later = (ms: number) => ({ ...first, retakeInFlightAfterMs: 60_000, now: new Date(now.getTime() + ms) });
    expect(await idempotency.begin(db(), later(59_000))).toEqual({ state: "in_flight" });
    expect(await idempotency.begin(db(), later(61_000))).toEqual({
      state: "new",
      previousError: null,
      resumedAttempt: null,
    });
    expect(await idempotency.begin(db(), later(62_000))).toEqual({ state: "in_flight" });
  });

  it("hands the recorded attempt to whoever takes over a stale in-flight record", async () => {
    const now = new Date("2030-05-01T10:00:00.000Z");
    const first = await request({ now });
    await idempotency.begin(db(), first);
    expect(await idempotency.recordAttempt(db(), first.key, { ok: true, amount: 500 })).toBe(true);
    const later = { ...first, retakeInFlightAfterMs: 60_000, now: new Date(now.getTime() + 61_000) };
    expect(await idempotency.begin(db(), later)).toEqual({
      state: "new",
      previousError: null,
      resumedAttempt: { ok: true, amount: 500 },
    });
  });

  it("gives new to exactly one of many concurrent begins with one key", async () => {
    const first = await request();
    // On PostgreSQL, four pools: the begins really run on different connections at the same time.
    const dbs = [db(), await connectAgain(), await connectAgain(), await connectAgain()];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => idempotency.begin(dbs[i % dbs.length] ?? db(), first)),
    );
    expect(results.filter((result) => result.state === "new")).toHaveLength(1);
    expect(results.filter((result) => result.state === "in_flight")).toHaveLength(7);
    if (kind === "postgres") expect(new Set(dbs).size).toBe(4);
  });

  it("refuses a key that is not a UUID", async () => {
    await expect(idempotency.begin(db(), await request({ key: "abc" }))).rejects.toThrow(
      "idempotencyKey must be a UUID",
    );
  });

  it("purges old records", async () => {
    const old = await request({ now: new Date("2001-01-01T00:00:00.000Z") });
    await idempotency.begin(db(), old);
    expect(await idempotency.purge(db(), new Date("2002-01-01T00:00:00.000Z"))).toBe(1);
    expect(await idempotency.begin(db(), old)).toEqual({ state: "new" });
  });
});
