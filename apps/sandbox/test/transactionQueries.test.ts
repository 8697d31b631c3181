import { beforeAll, describe, expect, it } from "vitest";
import { type EcomError, testNow, useSandbox } from "./harness.ts";

/** Every expectation is computed here from the full list (walked month by month), independently of the sandbox's query code. */
type Listed = Record<string, unknown> & {
  id: string;
  created_at: string;
  amount: number;
  currency_code: string;
  transaction_type: string;
  transaction_status: string;
  status: string;
  merchant_reference?: string;
  parent_id?: string;
};

const h = useSandbox({ seed: 9, authentications: 1500, tokens: 100, transactions: 3000 });
let all: Listed[] = [];

const newestFirst = (a: Listed, b: Listed) =>
  Date.parse(b.created_at) - Date.parse(a.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const oldestFirst = (a: Listed, b: Listed) =>
  Date.parse(a.created_at) - Date.parse(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const list = (query: string) => h.ecomJson<Listed[]>(`/v2/transactions${query}`);
/** Every match of the filters in `query` ("?a=b&…"), over the whole history. */
const listAll = (query: string) => h.ecomAll<Listed>(query.replace(/^\?/, ""));
const dayMs = 86_400_000;
/** The list's default window: the 7 days before the sandbox's now (its clock started at testNow moments ago). */
const inDefaultWindow = (r: Listed) => Date.parse(r.created_at) >= Date.parse(testNow) - 7 * dayMs;
let recent: Listed[] = [];
const count = async (query: string) => (await h.ecomJson<{ count: number }>(`/v2/transactions/count${query}`)).count;
const where = (test: (r: Listed) => boolean) => all.filter(test).sort(newestFirst);
const exponents: Record<string, number> = { JPY: 0, ISK: 0, KRW: 0, BHD: 3, KWD: 3, JOD: 3 };

beforeAll(async () => {
  all = await listAll("");
  recent = where(inDefaultWindow);
});

async function expect400(query: string, at: string, path = "/v2/transactions") {
  const res = await h.ecom("GET", `${path}${query}`);
  expect(res.status).toBe(400);
  const body = (await res.json()) as EcomError;
  expect(Object.keys(body.details)).toContain(at);
  return body;
}

describe("GET /api/v2/transactions default window, paging and order", () => {
  it("holds every record, month by month, newest first, ties broken by id", () => {
    expect(all).toHaveLength(3000);
    expect(ids(all)).toEqual(ids([...all].sort(newestFirst)));
  });

  it("lists only the last 7 days without created_start / created_end, as the spec says", async () => {
    // No seeded record sits within a minute of the window's start, where the running clock could move it out.
    const edge = Date.parse(testNow) - 7 * dayMs;
    expect(all.filter((r) => Math.abs(Date.parse(r.created_at) - edge) < 60_000)).toEqual([]);
    expect(recent.length).toBeGreaterThan(55);
    expect(recent.length).toBeLessThan(all.length / 4);
    expect(ids(await list("?_limit=10000"))).toEqual(ids(recent));
    // created_end alone starts 7 days before now; created_start alone ends now.
    const end = new Date(Date.parse(testNow) - 2 * dayMs).toISOString();
    expect(ids(await list(`?created_end=${end}&_limit=10000`))).toEqual(ids(recent.filter((r) => r.created_at <= end)));
    const start = new Date(Date.parse(testNow) - 20 * dayMs).toISOString();
    expect(ids(await list(`?created_start=${start}&_limit=10000`))).toEqual(ids(where((r) => r.created_at >= start)));
  });

  it("refuses defaults that make an impossible range, naming the parameter given", async () => {
    const monthAgo = new Date(Date.parse(testNow) - 40 * dayMs).toISOString();
    expect(Object.values((await expect400(`?created_start=${monthAgo}`, "query.created_start")).details)).toEqual([
      { message: "may be at most one month before now (created_end defaults to now)" },
    ]);
    const weeksAgo = new Date(Date.parse(testNow) - 10 * dayMs).toISOString();
    await expect400(`?created_end=${weeksAgo}`, "query.created_end");
    await expect400("?created_start=2099-01-01", "query.created_start");
  });

  it("answers 50 records when no _limit is given", async () => {
    expect(ids(await list(""))).toEqual(ids(recent.slice(0, 50)));
  });

  it("counts _skip in PAGES of _limit, not in records", async () => {
    expect(ids(await list("?_limit=10&_skip=3"))).toEqual(ids(recent.slice(30, 40)));
    expect(ids(await list("?_limit=10&_skip=3"))).not.toEqual(ids(recent.slice(3, 13)));
    expect(ids(await list("?_limit=25&_skip=2"))).toEqual(ids(recent.slice(50, 75)));
    const pages = Math.ceil(recent.length / 20);
    expect(ids(await list(`?_limit=20&_skip=${pages - 1}`))).toEqual(ids(recent.slice((pages - 1) * 20)));
    expect(await list(`?_limit=20&_skip=${pages}`)).toEqual([]);
  });

  it("pages through everything exactly once", async () => {
    const seen: string[] = [];
    for (let page = 0; page * 20 < recent.length; page++) seen.push(...ids(await list(`?_limit=20&_skip=${page}`)));
    expect(seen).toEqual(ids(recent));
  });

  it("sorts by created_at ascending or descending, ties by id", async () => {
    expect(ids(await list("?_sort=created_at&_limit=10000"))).toEqual(ids([...recent].sort(oldestFirst)));
    expect(ids(await list("?_sort=-created_at&_limit=20&_skip=1"))).toEqual(ids(recent.slice(20, 40)));
    expect(ids(await list("?_sort=created_at&_limit=25&_skip=2"))).toEqual(
      ids([...recent].sort(oldestFirst).slice(50, 75)),
    );
  });

  it("accepts the _limit bounds 1 and 10000", async () => {
    expect(ids(await list("?_limit=1"))).toEqual(ids(recent.slice(0, 1)));
    expect(await list("?_limit=10000")).toHaveLength(recent.length);
  });
});

describe("filters", () => {
  const cases: [string, string, (r: Listed) => boolean][] = [
    ["currency_code", "?currency_code=EUR", (r) => r.currency_code === "EUR"],
    [
      "several values of one filter are OR-ed",
      "?transaction_type=REFUND&transaction_type=CAPTURE",
      (r) => ["REFUND", "CAPTURE"].includes(r.transaction_type),
    ],
    [
      "different filters are AND-ed",
      "?transaction_status=SETTLED&currency_code=GBP",
      (r) => r.transaction_status === "SETTLED" && r.currency_code === "GBP",
    ],
    ["status (deprecated)", "?status=REFUNDED", (r) => r.status === "REFUNDED"],
    ["transaction_status", "?transaction_status=AUTHORISED", (r) => r.transaction_status === "AUTHORISED"],
    ["payment_product_type", "?payment_product_type=Visa", (r) => r.card_brand === "VISA"],
    ["payment_product_type JCB (JCB records say Unknown)", "?payment_product_type=JCB", () => false],
    ["shopper_interaction", "?shopper_interaction=mail_order", (r) => r.shopper_interaction === "mail_order"],
    ["reason_code of declines", "?reason_code=51", (r) => r.reason_code === "51"],
    ["pos_device_id (card not present: none)", "?pos_device_id=1", () => false],
  ];
  it.each(cases)("%s", async (_name, query, test) => {
    const expected = where(test);
    expect(ids(await listAll(query))).toEqual(ids(expected));
    expect(ids(await list(`${query}&_limit=10000`))).toEqual(ids(expected.filter(inDefaultWindow)));
    expect(await count(query)).toBe(expected.length);
  });

  it("finds a non-empty result for the realistic filters above", () => {
    for (const status of ["SETTLED", "AUTHORISED", "REFUNDED", "PARTIALLY_REFUNDED", "DECLINED", "CANCELLED"])
      expect(all.some((r) => r.transaction_status === status)).toBe(true);
  });

  it("filters by the identifiers a record shows", async () => {
    const sample = all.find((r) => r.parent_id && r.merchant_reference && r.stan && r.rrn && r.customer) as Listed;
    for (const [key, value, test] of [
      ["id", sample.id, (r: Listed) => r.id === sample.id],
      [
        "merchant_reference",
        sample.merchant_reference,
        (r: Listed) => r.merchant_reference === sample.merchant_reference,
      ],
      ["enity_id", sample.entity_id, (r: Listed) => r.entity_id === sample.entity_id],
      ["customer", sample.customer, (r: Listed) => r.customer === sample.customer],
      ["rrn", sample.rrn, (r: Listed) => r.rrn === sample.rrn],
      ["stan", String(Number(sample.stan)), (r: Listed) => Number(r.stan) === Number(sample.stan)],
      [
        "acquirer_merchant_id",
        sample.acquirer_merchant_id,
        (r: Listed) => r.acquirer_merchant_id === sample.acquirer_merchant_id,
      ],
      ["country_code", sample.country_code, (r: Listed) => r.country_code === sample.country_code],
    ] as const) {
      expect(value, key).toBeTypeOf("string");
      const expected = where(test as (r: Listed) => boolean);
      expect(expected.length).toBeGreaterThan(0);
      const query = `?${key}=${encodeURIComponent(String(value))}`;
      expect(ids(await listAll(query)), key).toEqual(ids(expected));
      expect(await count(query)).toBe(expected.length);
    }
  });

  it("groups a payment's children under its merchant_reference, each child naming its parent", async () => {
    const child = all.find((r) => r.transaction_type === "REFUND") as Listed;
    const family = await listAll(`?merchant_reference=${encodeURIComponent(String(child.merchant_reference))}`);
    expect(ids(family)).toContain(child.parent_id);
    expect(family.every((r) => r.parent_id === undefined || ids(family).includes(r.parent_id))).toBe(true);
  });

  it("compares amount with the decimal amount the list shows", async () => {
    const eur = all.find((r) => r.currency_code === "EUR" && !Number.isInteger(r.amount)) as Listed;
    const expected = where((r) => r.amount === eur.amount);
    expect(ids(await listAll(`?amount=${eur.amount}`))).toEqual(ids(expected));
    expect(await listAll(`?amount=${Math.round(eur.amount * 100)}&currency_code=EUR`)).not.toContainEqual(eur);
  });

  it("reads created_at=YYYY-MM-DD as that whole UTC day, and a date-time as that instant", async () => {
    const sample = all[300] as Listed;
    const day = sample.created_at.slice(0, 10);
    const sameDay = where((r) => r.created_at.startsWith(day));
    expect(ids(await listAll(`?created_at=${day}`))).toEqual(ids(sameDay));
    // Within the default window only, as the spec says: an older day needs its range.
    expect(await list(`?created_at=${day}`)).toEqual([]);
    expect(ids(await list(`?created_at=${day}&created_start=${day}&created_end=${day}`))).toEqual(ids(sameDay));
    expect(ids(await listAll(`?created_at=${sample.created_at}`))).toEqual(
      ids(where((r) => r.created_at === sample.created_at)),
    );
  });

  it("bounds by created_start / created_end (inclusive; a date-only end covers that day)", async () => {
    const start = "2026-03-01";
    const end = "2026-03-31";
    const inRange = where(
      (r) => r.created_at >= "2026-03-01T00:00:00.000Z" && r.created_at <= "2026-03-31T23:59:59.999Z",
    );
    expect(inRange.length).toBeGreaterThan(5);
    expect(ids(await list(`?created_start=${start}&created_end=${end}&_limit=10000`))).toEqual(ids(inRange));
    const from = where((r) => r.created_at >= "2026-10-20T00:00:00.000Z");
    expect(ids(await list("?created_start=2026-10-20&_limit=10000"))).toEqual(ids(from));
  });
});

describe("GET /api/v2/transactions/count", () => {
  it("counts everything without filters", async () => {
    expect(await count("")).toBe(3000);
  });

  it.each([
    ["_limit", "?_limit=10"],
    ["_skip", "?_skip=1"],
    ["_sort", "?_sort=created_at"],
    ["created_start", "?created_start=2024-01-01"],
    ["x-vfi-api-idempotencykey", "?x-vfi-api-idempotencykey=8a1e4f3c-1b2d-4e5f-8a9b-0c1d2e3f4a5b"],
  ])("refuses %s, which it does not document", async (name, query) => {
    await expect400(query, `query.${name}`, "/v2/transactions/count");
  });
});

describe("400 names the bad parameter", () => {
  it.each([
    ["unknown parameter", "?colour=red", "query.colour"],
    ["an operator (only = is documented)", "?amount%3E=10", "query.amount>"],
    ["!= on a string", "?currency_code!=EUR", "query.currency_code!"],
    ["a value outside the enum", "?transaction_status=PAID", "query.transaction_status"],
    [
      "shopper_interaction in the card payment's spelling",
      "?shopper_interaction=ECOMMERCE",
      "query.shopper_interaction",
    ],
    ["merchant_reference over 50 characters", `?merchant_reference=${"x".repeat(51)}`, "query.merchant_reference"],
    ["a non-numeric amount", "?amount=ten", "query.amount"],
    ["a non-numeric stan", "?stan=12a", "query.stan"],
    ["a bad date", "?created_at=31/12/2024", "query.created_at"],
    ["an empty value", "?currency_code=", "query.currency_code"],
    ["_limit 0", "?_limit=0", "query._limit"],
    ["_limit 10001", "?_limit=10001", "query._limit"],
    ["negative _skip", "?_skip=-1", "query._skip"],
    ["fractional _skip", "?_skip=1.5", "query._skip"],
    ["_sort on another field", "?_sort=amount", "query._sort"],
    ["_sort twice", "?_sort=created_at&_sort=-created_at", "query._sort"],
    ["created_end before created_start", "?created_start=2024-03-02&created_end=2024-03-01", "query.created_end"],
    ["a range over one month", "?created_start=2024-01-01&created_end=2024-02-02", "query.created_end"],
    ["a bad created_start", "?created_start=yesterday", "query.created_start"],
  ])("%s", async (_name, query, at) => {
    const body = await expect400(query, at);
    expect(body.message).toMatch(/^At least one parameter is invalid/);
  });

  it("accepts a range of exactly one month", async () => {
    expect(
      (await h.ecom("GET", "/v2/transactions?created_start=2024-01-01&created_end=2024-02-01T00:00:00Z")).status,
    ).toBe(200);
  });
});

describe("GET /api/v2/transaction/{id}", () => {
  it("serves the record with amount as a decimal string, the list's number with the currency's decimals", async () => {
    for (const code of ["EUR", "JPY", "BHD"]) {
      const listed = all.find((r) => r.currency_code === code) as Listed;
      const one = await h.ecomJson<Record<string, unknown>>(`/v2/transaction/${listed.id}`);
      expect(one.amount).toBe(listed.amount.toFixed(exponents[code] ?? 2));
      const { amount: _a, payment_summary: _p, token_details: _t, ...rest } = one;
      const { amount: _b, payment_summary: _q, ...listedRest } = listed;
      expect(rest).toEqual(listedRest);
    }
  });

  it("answers 404 in the eCommerce error shape for an unknown id", async () => {
    const res = await h.ecom("GET", "/v2/transaction/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    const body = (await res.json()) as EcomError;
    expect(body).toMatchObject({ code: 404, reversal_status: "NONE" });
    expect(body.message).toMatch(/^The requested resource/);
    expect(body.details["params.id"]?.message).toBe("no transaction with this id");
  });

  it("never serves a full card number, only BIN + last four", () => {
    for (const r of all) {
      const masked = String(r.masked_card_number);
      expect(masked).toMatch(/^\d{6}\*+\d{4}$/);
      expect(masked.length).toBeLessThanOrEqual(16);
      const pan = new RegExp(`${masked.slice(0, 6)}\\d{4,9}${masked.slice(-4)}`);
      expect(JSON.stringify(r)).not.toMatch(pan);
    }
  });
});
