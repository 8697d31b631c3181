// CONTRACT.md §5 through the API: one sync from the real sandbox, then every metric of every dimension against an
// independent computation over the sandbox's own records (fetched here over HTTP), and every drill-down against
// authentications.count.
import { currencyExponent } from "@vbo/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refBucket, refDayInPeriod, refGroup, refPayment } from "./analyticsReference.ts";
import { type Client, type Stack, sandboxAuth, sandboxNow, startStack } from "./harness.ts";
import { evaluate } from "./referenceEvaluator.ts";

type Rec = Record<string, unknown>;
type Filter = { field: string; op: "eq" | "neq" | "gte" | "lte" | "like"; value: string | number };
type Group = ReturnType<typeof refGroup> & { key: string; drillDown: Filter[] | null };
type MoneyGroup = {
  key: string;
  currency_code: string;
  payments: number;
  amount: number;
  issuerAmount: number;
  merchantAmount: number;
};
type AuthAnswer = { rows: Group[]; total: Group; previous?: Group; syncedThrough: string | null; complete: boolean };
type PayAnswer = {
  rows: MoneyGroup[];
  total: MoneyGroup[];
  previous?: MoneyGroup[];
  syncedThrough: string | null;
  complete: boolean;
};

const basic = `Basic ${Buffer.from(`${sandboxAuth.userId}:${sandboxAuth.apiKey}`).toString("base64")}`;
const dayMs = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

async function sandboxGet<T>(stack: Stack, path: string): Promise<T> {
  const res = await fetch(`${stack.sandbox.url}/oidc${path}`, { headers: { authorization: basic } });
  if (!res.ok) throw new Error(`sandbox ${res.status} ${path}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function allAuthentications(stack: Stack): Promise<Rec[]> {
  const all: Rec[] = [];
  for (let skip = 0; ; skip += 10_000) {
    const page = await sandboxGet<Rec[]>(stack, `/3ds-service/v2/3d?_limit=10000&_skip=${skip}`);
    all.push(...page);
    if (page.length < 10_000) return all;
  }
}

/** Every transaction created from `fromDay` on, one month-long created range at a time (`_skip` counts pages). */
async function allTransactions(stack: Stack, fromDay: string): Promise<Rec[]> {
  const byId = new Map<string, Rec>();
  for (let start = Date.parse(`${fromDay}T00:00:00Z`); start < Date.now() + dayMs; start += 28 * dayMs) {
    const range = `created_start=${new Date(start).toISOString()}&created_end=${new Date(start + 28 * dayMs).toISOString()}`;
    for (let page = 0; ; page++) {
      const items = await sandboxGet<Rec[]>(stack, `/api/v2/transactions?${range}&_limit=10000&_skip=${page}`);
      for (const tx of items) byId.set(String(tx.id), tx);
      if (items.length < 10_000) break;
    }
  }
  return [...byId.values()];
}

async function ok<T>(client: Client, path: string, input?: unknown): Promise<T> {
  const answer = await client.query<T>(path, input);
  if (answer.status !== 200 || !answer.body.result) {
    throw new Error(`${path} → ${answer.status} ${JSON.stringify(answer.body.error)}`);
  }
  return answer.body.result.data;
}

const counts = (g: Group) => ({
  authentications: g.authentications,
  issuer: g.issuer,
  merchant: g.merchant,
  frictionless: g.frictionless,
  challenged: g.challenged,
  challengeSucceeded: g.challengeSucceeded,
  abandoned: g.abandoned,
  authenticated: g.authenticated,
  enrolled: g.enrolled,
  v2Enrolled: g.v2Enrolled,
  reasons: g.reasons,
  rates: g.rates,
});

const dimensionValue: Record<string, (r: Rec) => unknown> = {
  card_brand: (r) => (r.authentication as Rec | undefined)?.card_brand,
  threeds_version: (r) => (r.authentication as Rec | undefined)?.threeds_version,
  currency_code: (r) => r.currency_code,
  eci_flag: (r) => (r.authentication as Rec | undefined)?.eci_flag,
};

let stack: Stack;
let records: Rec[];
let transactions: Rec[];
let period: { from: string; to: string };

beforeAll(async () => {
  stack = await startStack({ authentications: 8000, transactions: 3000 });
  expect(await stack.api.analyticsSync.runOnce()).toBe(true);
  records = await allAuthentications(stack);
  const newest =
    records
      .map((r) => String(r.created_at))
      .sort()
      .at(-1) ?? new Date().toISOString();
  const to = newest.slice(0, 10);
  period = { from: addDays(to, -181), to };
  transactions = await allTransactions(stack, addDays(to, -400));
}, 180_000);
afterAll(() => stack?.close());

/** The reference groups of the period, by `by`, over `pool`. */
function expectedRows(pool: Rec[], by: string, p = period): Map<string, Rec[]> {
  const groups = new Map<string, Rec[]>();
  for (const r of pool) {
    if (!refDayInPeriod(r.created_at, p.from, p.to)) continue;
    let key: string;
    if (by === "day" || by === "week" || by === "month") key = refBucket(r.created_at, by);
    else if (by === "reason") key = Object.keys(refGroup([r]).reasons)[0] as string;
    else key = String(dimensionValue[by]?.(r) ?? "");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

function checkAnswer(answer: AuthAnswer, pool: Rec[], by: string) {
  const expected = expectedRows(pool, by);
  const nonEmpty = answer.rows.filter((row) => row.authentications > 0);
  expect(new Set(nonEmpty.map((r) => r.key))).toEqual(new Set(expected.keys()));
  for (const row of answer.rows) {
    expect(counts(row), `${by} = ${row.key}`).toEqual(
      counts({ ...refGroup(expected.get(row.key) ?? []), key: row.key, drillDown: null }),
    );
  }
  const inPeriod = pool.filter((r) => refDayInPeriod(r.created_at, period.from, period.to));
  expect(counts(answer.total)).toEqual(counts({ ...refGroup(inPeriod), key: "", drillDown: null }));
}

describe("analytics.authentications", () => {
  it("has data to compare: the period holds authentications of several brands, versions and reasons", () => {
    const inPeriod = records.filter((r) => refDayInPeriod(r.created_at, period.from, period.to));
    expect(inPeriod.length).toBeGreaterThan(200);
    expect(Object.keys(refGroup(inPeriod).reasons).length).toBeGreaterThan(4);
  });

  for (const by of ["day", "week", "month", "card_brand", "threeds_version", "currency_code", "reason", "eci_flag"]) {
    it(`by ${by}: every metric of every row equals the independent computation, drill-downs count the same`, async () => {
      const answer = await ok<AuthAnswer>(stack, "analytics.authentications", { ...period, by, compare: true });
      checkAnswer(answer, records, by);
      expect(answer.complete).toBe(true);
      expect(answer.syncedThrough).not.toBeNull();
      const before = { from: addDays(period.from, -182), to: addDays(period.from, -1) };
      const previous = records.filter((r) => refDayInPeriod(r.created_at, before.from, before.to));
      expect(counts(answer.previous as Group)).toEqual(counts({ ...refGroup(previous), key: "", drillDown: null }));
      if (by === "day" || by === "week" || by === "month") {
        // every bucket, empty ones included, in order
        const keys = answer.rows.map((r) => r.key);
        expect(keys).toEqual([...keys].sort());
        expect(new Set(keys).size).toBe(keys.length);
        if (by === "day") expect(keys).toHaveLength(182);
      } else {
        const sizes = answer.rows.map((r) => r.authentications);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      }
      for (const row of [...answer.rows, answer.total]) {
        if (by === "reason" && row !== answer.total) expect(row.drillDown).toBeNull();
        if (!row.drillDown) continue;
        const { count } = await ok<{ count: number }>(stack, "authentications.count", { filters: row.drillDown });
        expect(count, `${by} = ${row.key}: ${JSON.stringify(row.drillDown)}`).toBe(row.authentications);
      }
    }, 120_000);
  }

  it("takes the list's filters on fields the store holds (several eq on one field are OR'ed)", async () => {
    const filters: Filter[] = [
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
      { field: "authentication.card_brand", op: "eq", value: "MASTERCARD" },
      { field: "amount", op: "gte", value: 2000 },
      { field: "authentication.pares_status", op: "neq", value: "N" },
    ];
    const pool = evaluate(records, filters);
    for (const by of ["card_brand", "week", "reason"]) {
      const answer = await ok<AuthAnswer>(stack, "analytics.authentications", { ...period, by, filters });
      checkAnswer(answer, pool, by);
      for (const row of answer.rows) {
        if (!row.drillDown || row.authentications === 0) continue;
        const { count } = await ok<{ count: number }>(stack, "authentications.count", { filters: row.drillDown });
        expect(count, `${by} = ${row.key}`).toBe(row.authentications);
      }
    }
  }, 120_000);

  it("refuses bad input with BAD_REQUEST naming it", async () => {
    const cases: [unknown, string][] = [
      [{ from: "2026-11-10", to: "2026-11-01", by: "day" }, "from"],
      [{ from: "2010-01-01", to: "2026-11-01", by: "day" }, "from"],
      [{ from: "2026-11-01", to: "2026-11-30", by: "colour" }, "by"],
      [{ from: "2026-02-30", to: "2026-03-01", by: "day" }, "from"],
      [
        {
          from: "2026-11-01",
          to: "2026-11-30",
          by: "day",
          filters: [{ field: "authentication.cavv", op: "eq", value: "x" }],
        },
        "filters.0.field",
      ],
      [
        { from: "2026-11-01", to: "2026-11-30", by: "day", filters: [{ field: "no_such", op: "eq", value: "x" }] },
        "filters.0.field",
      ],
    ];
    for (const [input, path] of cases) {
      const answer = await stack.query("analytics.authentications", input);
      expect(answer.status, JSON.stringify(input)).toBe(400);
      expect(answer.body.error?.data.code).toBe("BAD_REQUEST");
      expect(answer.body.error?.data.problems?.map((p) => p.path.join("."))).toContain(path);
    }
  });

  it("needs a session", async () => {
    const answer = await stack.anonymous().query("analytics.status");
    expect(answer.status).toBe(401);
  });
});

describe("analytics.payments", () => {
  const byDs = () => {
    const map = new Map<string, Rec>();
    for (const r of records) {
      const ds = (r.authentication as Rec | undefined)?.ds_transaction_id;
      if (ds) map.set(String(ds).trim().toLowerCase(), r);
    }
    return map;
  };

  function expectedMoney(by: string): MoneyGroup[] {
    const ds = byDs();
    const groups = new Map<string, MoneyGroup>();
    for (const tx of transactions) {
      if (!refDayInPeriod(tx.created_at, period.from, period.to)) continue;
      const verdict = refPayment(tx, ds);
      if (!verdict) continue;
      const key =
        by === "day" || by === "week" || by === "month"
          ? refBucket(tx.created_at, by)
          : by === "reason"
            ? verdict.reason
            : by === "card_brand"
              ? String(tx.card_brand ?? "")
              : "";
      const currency = String(tx.currency_code);
      const minor = Math.round(Number(tx.amount) * 10 ** currencyExponent(currency));
      const id = `${key} ${currency}`;
      const g = groups.get(id) ?? {
        key,
        currency_code: currency,
        payments: 0,
        amount: 0,
        issuerAmount: 0,
        merchantAmount: 0,
      };
      g.payments++;
      g.amount += minor;
      if (verdict.liable === "ISSUER") g.issuerAmount += minor;
      else g.merchantAmount += minor;
      groups.set(id, g);
    }
    return [...groups.values()];
  }

  const strip = (rows: MoneyGroup[]) =>
    rows
      .filter((r) => r.payments > 0)
      .map((r) => `${r.key} ${r.currency_code} ${r.payments} ${r.amount} ${r.issuerAmount} ${r.merchantAmount}`)
      .sort();

  it("has payments with 3-D Secure and without in the period", () => {
    const ds = byDs();
    const verdicts = transactions
      .filter((tx) => refDayInPeriod(tx.created_at, period.from, period.to))
      .map((tx) => refPayment(tx, ds))
      .filter((v) => v !== null);
    expect(verdicts.length).toBeGreaterThan(50);
    expect(new Set(verdicts.map((v) => v.liable))).toEqual(new Set(["ISSUER", "MERCHANT"]));
  });

  for (const by of ["day", "week", "month", "card_brand", "reason"]) {
    it(`by ${by}: payments and money per currency equal the independent computation`, async () => {
      const answer = await ok<PayAnswer>(stack, "analytics.payments", { ...period, by, compare: true });
      expect(strip(answer.rows)).toEqual(strip(expectedMoney(by)));
      const totals = expectedMoney("total").map((g) => ({ ...g, key: `${period.from}..${period.to}` }));
      expect(strip(answer.total)).toEqual(strip(totals));
      expect(answer.previous).toBeDefined();
      expect(answer.complete).toBe(true);
      if (by === "day") {
        const currencies = new Set(answer.total.map((t) => t.currency_code));
        expect(answer.rows).toHaveLength(182 * currencies.size);
      }
    }, 60_000);
  }
});

describe("analytics.status and /healthz", () => {
  it("say how far the store is synced and that the back-fill is done", async () => {
    const status = await ok<{
      syncedThrough: string | null;
      lagSeconds: number | null;
      backfill: { done: boolean; from: string | null; through: string | null };
      lastError: string | null;
    }>(stack, "analytics.status");
    expect(status.backfill.done).toBe(true);
    expect(status.lastError).toBeNull();
    expect(Date.parse(status.syncedThrough ?? "")).toBeGreaterThanOrEqual(Date.parse(sandboxNow));
    expect(status.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(status.lagSeconds).toBeLessThan(600); // measured on the upstream's clock (SANDBOX_NOW)
    const health = (await (await fetch(`${stack.api.url}/healthz`)).json()) as { analytics: unknown };
    expect(health.analytics).toEqual({ syncedThrough: status.syncedThrough, lagSeconds: expect.any(Number) });
  });
});
