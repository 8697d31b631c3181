import { describe, expect, it } from "vitest";
import { instantMs, parseDateTime, startClock } from "../src/clock.ts";
import { seedAuthentications, seedEcommerce } from "../src/index.ts";
import { lookupRequest, useSandbox } from "./harness.ts";

const now = "2025-03-02T08:15:00.000Z";
const h = useSandbox({ now, seed: 4, authentications: 400, tokens: 30, transactions: 150 });
const twin = useSandbox({ now, seed: 4, authentications: 400, tokens: 30, transactions: 150 });

describe("the sandbox's now (SANDBOX_NOW / the now option)", () => {
  it("ends the seeded history at now: every record is older, and the newest are recent", async () => {
    const newest = await h.list("?_limit=1");
    const oldest = await h.list("?_limit=1&_sort=created_at");
    const newestMs = Date.parse(newest[0]?.created_at ?? "");
    expect(newestMs).toBeLessThan(Date.parse(now));
    expect(Date.parse(now) - newestMs).toBeLessThan(7 * 86_400_000);
    expect(Date.parse(oldest[0]?.created_at ?? "")).toBeLessThan(Date.parse(now) - 365 * 86_400_000);
    const transactions = seedEcommerce(4, { authentications: 400, tokens: 30, transactions: 150 }, now).transactions;
    for (const t of transactions) expect(Date.parse(t.created_at as string)).toBeLessThan(Date.parse(now));
  });

  it("dates what it creates by a clock that starts at now and runs at real speed", async () => {
    const startedBefore = Date.now();
    const res = await h.post("/v2/lookup", lookupRequest("4000000000001000"));
    expect(res.status).toBe(200);
    const [created] = await h.list("?_limit=1");
    const createdMs = Date.parse(created?.created_at ?? "");
    expect(createdMs).toBeGreaterThanOrEqual(Date.parse(now));
    // No more time than has really passed since the sandbox started (a few seconds at most in this file).
    expect(createdMs - Date.parse(now)).toBeLessThan(Date.now() - startedBefore + 60_000);
    const health = (await (await h.control("/health")).json()) as { now: string; historyEnd: string };
    expect(health.historyEnd).toBe(now);
    expect(Date.parse(health.now)).toBeGreaterThanOrEqual(createdMs);
  });

  it("gives the same records for the same seed and now, other records for another now", () => {
    expect(seedAuthentications(4, 300, now)).toEqual(seedAuthentications(4, 300, Date.parse(now)));
    const later = seedAuthentications(4, 300, "2025-09-02T08:15:00.000Z");
    expect(later.map((r) => r.created_at)).not.toEqual(seedAuthentications(4, 300, now).map((r) => r.created_at));
  });
});

describe("same seed and now, same data", () => {
  it("two sandboxes started apart serve identical records, ids included", async () => {
    // Read before the other tests create anything: compare the seeded history (older than now).
    const seeded = <T extends { created_at?: unknown }>(rows: T[]) =>
      rows.filter((r) => Date.parse(String(r.created_at)) < Date.parse(now));
    expect(seeded(await twin.list("?_limit=10000&_sort=_id"))).toEqual(seeded(await h.list("?_limit=10000&_sort=_id")));
    const transactions = seeded(await twin.ecomAll<{ created_at: string }>());
    expect(transactions).toHaveLength(150);
    expect(transactions).toEqual(seeded(await h.ecomAll<{ created_at: string }>()));
  });
});

describe("clock helpers", () => {
  it("runs from now at the real clock's speed", () => {
    let real = 1_000;
    const clock = startClock(Date.UTC(2026, 0, 1), () => real);
    expect(clock()).toBe(Date.UTC(2026, 0, 1));
    real += 2_500;
    expect(clock()).toBe(Date.UTC(2026, 0, 1) + 2_500);
  });

  it("reads date-times only, UTC without an offset, and refuses impossible dates", () => {
    expect(parseDateTime("2026-11-15T10:00:00Z")).toBe(Date.UTC(2026, 10, 15, 10));
    expect(parseDateTime("2026-11-15T10:00:00")).toBe(Date.UTC(2026, 10, 15, 10));
    expect(parseDateTime("2026-11-15T10:00:00-05:00")).toBe(Date.UTC(2026, 10, 15, 15));
    expect(parseDateTime("2026-11-15")).toBeNull();
    expect(parseDateTime("2026-02-29T00:00:00Z")).toBeNull();
    expect(instantMs(new Date(Date.UTC(2026, 0, 1)))).toBe(Date.UTC(2026, 0, 1));
    expect(() => instantMs("soon")).toThrow(/now must be an ISO 8601 date-time/);
  });
});
