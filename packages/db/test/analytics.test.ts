import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import {
  type AuthenticationRow,
  authenticationSums,
  emptySyncState,
  getSyncState,
  type PaymentRow,
  paymentSums,
  removePayments,
  type StoreQuery,
  saveSyncState,
  storeDimensions,
  sumSourceOf,
  UnsupportedFilterError,
  upsertAuthentications,
  upsertPayments,
  withSyncLock,
} from "../src/analytics/index.ts";
import type { Db } from "../src/driver.ts";
import { migrate } from "../src/migrations/index.ts";
import { describeEachDriver } from "./describeEachDriver.ts";

function auth(overrides: Partial<AuthenticationRow> = {}): AuthenticationRow {
  return {
    id: randomUUID(),
    createdAt: new Date("2026-11-03T10:00:00.000Z"),
    amount: 1000,
    currencyCode: "EUR",
    cardBrand: "VISA",
    threedsVersion: "2.2.0",
    eciFlag: "05",
    enrolled: "Y",
    signatureVerification: "Y",
    paresStatus: "Y",
    challengeRequired: null,
    challengeCancel: null,
    liable: "ISSUER",
    reason: "AUTHENTICATED",
    eci: "FULL",
    flow: "FRICTIONLESS",
    v2: true,
    authenticated: true,
    abandoned: false,
    enrolledY: true,
    v2Enrolled: true,
    frictionlessAuthenticated: true,
    v2Challenged: false,
    challengeSucceeded: false,
    rulesVersion: 1,
    ...overrides,
  };
}

const notEnrolled = {
  enrolled: "N",
  liable: "MERCHANT",
  reason: "NOT_ENROLLED",
  flow: "NONE",
  authenticated: false,
  enrolledY: false,
  v2Enrolled: false,
  frictionlessAuthenticated: false,
  paresStatus: null,
} as const;

/** A fresh, migrated, empty store per test (the shared database would mix rows of several tests). */
async function freshStore(fresh: () => Promise<{ open(): Promise<Db> }>): Promise<Db & { again(): Promise<Db> }> {
  const database = await fresh();
  const db = await database.open();
  await migrate(db);
  return Object.assign(db, { again: () => database.open() });
}

const november = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") };

describeEachDriver("analytics store", ({ fresh, kind }) => {
  it("upserts by id: a second write replaces the row, duplicates in one batch keep the last", async () => {
    const db = await freshStore(fresh);
    const row = auth();
    expect(await upsertAuthentications(db, [row, auth()])).toBe(2);
    await upsertAuthentications(db, [
      { ...row, ...notEnrolled },
      { ...row, ...notEnrolled, reason: "ENROLLMENT_UNKNOWN" },
    ]);
    const [total] = await authenticationSums(db, { ...november, by: "total" });
    expect(total).toMatchObject({ authentications: 2, issuer: 1, merchant: 1 });
    expect(total?.reasons).toEqual({ AUTHENTICATED: 1, ENROLLMENT_UNKNOWN: 1 });
  });

  it("writes large batches in few statements", async () => {
    const db = await freshStore(fresh);
    const rows = Array.from({ length: 12_000 }, () => auth());
    expect(await upsertAuthentications(db, rows)).toBe(12_000);
    const [total] = await authenticationSums(db, { ...november, by: "total" });
    expect(total?.authentications).toBe(12_000);
  });

  it("sums every fact per UTC day, ISO week, month and value, within [start, end)", async () => {
    const db = await freshStore(fresh);
    await upsertAuthentications(db, [
      auth({ createdAt: new Date("2026-11-02T00:00:00.000Z") }),
      auth({ createdAt: new Date("2026-11-08T23:59:59.999Z"), cardBrand: "MASTERCARD", ...notEnrolled }),
      auth({
        createdAt: new Date("2026-11-09T08:00:00Z"),
        flow: "CHALLENGE",
        v2Challenged: true,
        challengeSucceeded: true,
        frictionlessAuthenticated: false,
      }),
      auth({
        createdAt: new Date("2026-11-09T09:00:00Z"),
        cardBrand: null,
        flow: "CHALLENGE",
        abandoned: true,
        authenticated: false,
        liable: "MERCHANT",
        reason: "AUTHENTICATION_FAILED",
        v2Challenged: true,
        frictionlessAuthenticated: false,
      }),
      auth({ createdAt: new Date("2026-12-01T00:00:00.000Z") }), // outside: end is exclusive
      auth({ createdAt: new Date("2026-10-31T23:59:59.999Z") }), // outside
    ]);
    const byWeek = await authenticationSums(db, { ...november, by: "week" });
    expect(byWeek.map((g) => [g.key, g.authentications]).sort()).toEqual([
      ["2026-11-02", 2],
      ["2026-11-09", 2],
    ]);
    const week2 = byWeek.find((g) => g.key === "2026-11-09");
    expect(week2).toMatchObject({
      issuer: 1,
      merchant: 1,
      challenged: 2,
      v2Challenged: 2,
      challengeSucceeded: 1,
      abandoned: 1,
      authenticated: 1,
      frictionless: 0,
      enrolled: 2,
      v2Enrolled: 2,
    });
    const byDay = await authenticationSums(db, { ...november, by: "day" });
    expect(byDay.map((g) => g.key).sort()).toEqual(["2026-11-02", "2026-11-08", "2026-11-09"]);
    const byMonth = await authenticationSums(db, { ...november, by: "month" });
    expect(byMonth).toHaveLength(1);
    expect(byMonth[0]).toMatchObject({ key: "2026-11", authentications: 4, frictionless: 1 });
    const byBrand = await authenticationSums(db, { ...november, by: "card_brand" });
    expect(Object.fromEntries(byBrand.map((g) => [g.key, g.authentications]))).toEqual({
      VISA: 2,
      MASTERCARD: 1,
      "": 1,
    });
    const byReason = await authenticationSums(db, { ...november, by: "reason" });
    expect(Object.fromEntries(byReason.map((g) => [g.key, g.authentications]))).toEqual({
      AUTHENTICATED: 2,
      NOT_ENROLLED: 1,
      AUTHENTICATION_FAILED: 1,
    });
  });

  it("filters like the list: eq exact and OR'ed per field, neq keeps missing values, like, dates, amounts", async () => {
    const db = await freshStore(fresh);
    await upsertAuthentications(db, [
      auth({ cardBrand: "VISA", amount: 500, createdAt: new Date("2026-11-03T01:00:00Z") }),
      auth({ cardBrand: "Visa", amount: 1500, createdAt: new Date("2026-11-04T01:00:00Z") }),
      auth({ cardBrand: "MASTERCARD", amount: 2500, createdAt: new Date("2026-11-05T01:00:00Z") }),
      auth({ cardBrand: null, amount: null, createdAt: new Date("2026-11-06T01:00:00Z") }),
    ]);
    const count = async (filters: Parameters<typeof authenticationSums>[1]["filters"]) =>
      (await authenticationSums(db, { ...november, by: "total", filters }))[0]?.authentications ?? 0;
    const brand = "authentication.card_brand";
    expect(await count([{ field: brand, op: "eq", value: "VISA" }])).toBe(1);
    expect(
      await count([
        { field: brand, op: "eq", value: "VISA" },
        { field: brand, op: "eq", value: "MASTERCARD" },
      ]),
    ).toBe(2);
    expect(await count([{ field: brand, op: "neq", value: "VISA" }])).toBe(3);
    expect(await count([{ field: brand, op: "like", value: "isa" }])).toBe(2);
    expect(
      await count([
        { field: "amount", op: "gte", value: 1000 },
        { field: "amount", op: "lte", value: "2500" },
      ]),
    ).toBe(2);
    expect(await count([{ field: "amount", op: "neq", value: 500 }])).toBe(3);
    expect(await count([{ field: "created_at", op: "eq", value: "2026-11-04" }])).toBe(1);
    expect(await count([{ field: "created_at", op: "lte", value: "2026-11-04" }])).toBe(2);
    expect(await count([{ field: "created_at", op: "gte", value: "2026-11-04T01:00:00.001Z" }])).toBe(2);
    expect(await count([{ field: "created_at", op: "lte", value: "2026-11-04T01:00:00" }])).toBe(2);
  });

  it("refuses a filter on a field the store does not hold, naming it", async () => {
    const db = await freshStore(fresh);
    const query = authenticationSums(db, {
      ...november,
      by: "total",
      filters: [
        { field: "currency_code", op: "eq", value: "EUR" },
        { field: "authentication.cavv", op: "eq", value: "x" },
      ],
    });
    await expect(query).rejects.toBeInstanceOf(UnsupportedFilterError);
    await expect(query).rejects.toMatchObject({ field: "authentication.cavv", index: 1 });
  });

  it("sums payments' money per currency with the liability split, never across currencies", async () => {
    const db = await freshStore(fresh);
    const pay = (overrides: Partial<PaymentRow>): PaymentRow => ({
      id: randomUUID(),
      createdAt: new Date("2026-11-03T10:00:00Z"),
      currencyCode: "EUR",
      amount: 1000,
      cardBrand: "VISA",
      transactionType: "SALE",
      liable: "ISSUER",
      reason: "AUTHENTICATED",
      rulesVersion: 1,
      ...overrides,
    });
    const gone = pay({ amount: 999_999 });
    await upsertPayments(db, [
      pay({}),
      pay({ amount: 250, liable: "MERCHANT", reason: "NO_3DS" }),
      pay({ currencyCode: "JPY", amount: 5000, liable: "MERCHANT", reason: "NO_3DS" }),
      gone,
    ]);
    await removePayments(db, [gone.id]);
    const total = await paymentSums(db, { ...november, by: "total" });
    expect(total.sort((a, b) => a.currencyCode.localeCompare(b.currencyCode))).toEqual([
      { key: "", currencyCode: "EUR", payments: 2, amount: 1250, issuerAmount: 1000, merchantAmount: 250 },
      { key: "", currencyCode: "JPY", payments: 1, amount: 5000, issuerAmount: 0, merchantAmount: 5000 },
    ]);
    const byReason = await paymentSums(db, {
      ...november,
      by: "reason",
      filters: [{ field: "currency_code", op: "eq", value: "EUR" }],
    });
    expect(byReason.map((g) => [g.key, g.amount]).sort()).toEqual([
      ["AUTHENTICATED", 1000],
      ["NO_3DS", 250],
    ]);
  });

  it("answers from the daily roll-up exactly as from the rows, through re-upserts, updates, deletes", async () => {
    const db = await freshStore(fresh);
    let seed = 7;
    const pick = <T>(values: readonly T[]): T => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return values[seed % values.length] as T;
    };
    const varied = (): AuthenticationRow => {
      const challenge = pick([true, false, false]);
      return auth({
        createdAt: new Date(Date.parse("2026-10-28T00:00:00Z") + pick([0, 1, 2, 5, 9, 20, 23]) * 3_600_000 * 9),
        cardBrand: pick(["VISA", "Visa", "MASTERCARD", null, ""]),
        threedsVersion: pick(["2.2.0", "2.1.0", "1.0.2", null]),
        currencyCode: pick(["EUR", "SEK", null]),
        eciFlag: pick(["05", "06", "07", null]),
        enrolled: pick(["Y", "N", null]),
        paresStatus: pick(["Y", "A", "N", "C", null]),
        challengeCancel: pick([null, null, "01"]),
        liable: pick(["ISSUER", "MERCHANT"]),
        reason: pick(["AUTHENTICATED", "ATTEMPTED", "NOT_ENROLLED", "AUTHENTICATION_FAILED"]),
        flow: challenge ? "CHALLENGE" : pick(["FRICTIONLESS", "NONE"]),
        v2Challenged: challenge && pick([true, false]),
        challengeSucceeded: challenge && pick([true, false]),
        abandoned: pick([true, false, false]),
        authenticated: pick([true, false]),
        enrolledY: pick([true, false]),
        v2Enrolled: pick([true, false]),
        frictionlessAuthenticated: !challenge && pick([true, false]),
      });
    };
    const rows = Array.from({ length: 400 }, varied);
    await upsertAuthentications(db, rows);
    // A challenge completed after the first sync: the record comes again, changed (and twice in one batch).
    await upsertAuthentications(db, [
      ...rows.slice(0, 60).map((r) => ({ ...varied(), id: r.id, createdAt: r.createdAt })),
      ...rows.slice(50, 70).map((r) => ({ ...r, cardBrand: "AMEX", paresStatus: "Y" })),
      ...rows.slice(100, 150), // unchanged
    ]);
    await db.query(
      "UPDATE analytics_authentication SET reason = 'STATUS_UNKNOWN', liable = 'MERCHANT' WHERE eci_flag = '07'",
    );
    await db.query("DELETE FROM analytics_authentication WHERE id = ANY($1::text[])", [
      rows.slice(200, 230).map((r) => r.id),
    ]);

    const queries: StoreQuery[] = [];
    const ranges = [november, { start: new Date("2026-10-29T00:00:00Z"), end: new Date("2026-11-05T00:00:00Z") }];
    const filterSets: StoreQuery["filters"][] = [
      [],
      [{ field: "authentication.card_brand", op: "eq", value: "VISA" }],
      [
        { field: "authentication.card_brand", op: "neq", value: "VISA" },
        { field: "authentication.threeds_version", op: "like", value: "2." },
      ],
      [
        { field: "currency_code", op: "eq", value: "EUR" },
        { field: "currency_code", op: "eq", value: "SEK" },
        { field: "authentication.pares_status", op: "gte", value: "B" },
      ],
    ];
    for (const range of [...ranges, { start: new Date("2026-10-01T00:00:00Z"), end: november.end }])
      for (const by of [...storeDimensions, "total" as const])
        for (const filters of filterSets) queries.push({ ...range, by, filters });
    const sorted = (groups: Awaited<ReturnType<typeof authenticationSums>>) =>
      [...groups].sort((a, b) => a.key.localeCompare(b.key));
    let nonEmpty = 0;
    for (const query of queries) {
      expect(sumSourceOf(query)).toBe("daily");
      const fromRows = sorted(await authenticationSums(db, query, "rows"));
      expect(sorted(await authenticationSums(db, query, "daily")), JSON.stringify(query)).toEqual(fromRows);
      if (fromRows.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(queries.length / 2);

    await db.query("TRUNCATE analytics_authentication");
    const { rows: left } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM analytics_authentication_daily",
    );
    expect(left[0]?.n).toBe(0);
  });

  it("reads the rows when the roll-up cannot answer: an amount, an id, an instant, part of a day", () => {
    const brand = { field: "authentication.card_brand", op: "eq", value: "VISA" } as const;
    expect(sumSourceOf({ ...november, by: "day", filters: [brand] })).toBe("daily");
    expect(sumSourceOf({ ...november, by: "day", filters: [brand, { field: "amount", op: "gte", value: 5 }] })).toBe(
      "rows",
    );
    expect(sumSourceOf({ ...november, by: "day", filters: [{ field: "_id", op: "eq", value: "x" }] })).toBe("rows");
    expect(
      sumSourceOf({ ...november, by: "day", filters: [{ field: "created_at", op: "gte", value: "2026-11-02" }] }),
    ).toBe("rows");
    expect(sumSourceOf({ start: new Date("2026-11-01T06:00:00Z"), end: november.end, by: "day" })).toBe("rows");
    expect(sumSourceOf({ ...november, by: "day", filters: [{ field: "toString", op: "eq", value: "x" }] })).toBe(
      "rows",
    );
  });

  it("keeps the sync state of each stream", async () => {
    const db = await freshStore(fresh);
    expect(await getSyncState(db, "payments")).toEqual(emptySyncState("payments"));
    const state = {
      ...emptySyncState("authentications"),
      watermark: new Date("2026-11-30T12:00:00.123Z"),
      backfillFrom: new Date("2025-10-26T12:00:00.000Z"),
      backfillThrough: new Date("2026-06-01T00:00:00.000Z"),
      rulesVersion: 1,
      lastError: "GET /v2/3d: HTTP 500",
      lastErrorAt: new Date("2026-11-30T12:01:00.000Z"),
    };
    await saveSyncState(db, state);
    expect(await getSyncState(db, "authentications")).toEqual(state);
    await saveSyncState(db, { ...state, backfillDone: true, lastError: null });
    expect(await getSyncState(db, "authentications")).toMatchObject({ backfillDone: true, lastError: null });
    expect((await getSyncState(db, "payments")).watermark).toBeNull();
  });

  it("lets one sync run at a time, across connections", async () => {
    const db = await freshStore(fresh);
    const other = kind === "postgres" ? await db.again() : db;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const count = async () => {
      runs += 1;
    };
    const first = withSyncLock(db, async () => {
      runs += 1;
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await withSyncLock(other, count)).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await withSyncLock(other, count)).toBe(true);
    expect(runs).toBe(2);
  });
});
