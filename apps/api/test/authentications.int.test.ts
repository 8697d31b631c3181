import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";
import { evaluate, isSorted } from "./referenceEvaluator.ts";

type Filter = { field: string; op: "eq" | "neq" | "gte" | "lte" | "like"; value: string | number };
type Sort = { field: string; desc?: boolean };
type Rec = Record<string, unknown> & { _id: string };

let stack: Stack;
let all: Rec[];

beforeAll(async () => {
  stack = await startStack({ authentications: 600 });
  all = await stack.upstream<Rec[]>("/v2/3d?_limit=10000");
});
afterAll(() => stack?.close());

const cases: { name: string; filters: Filter[]; sort?: Sort[] }[] = [
  { name: "no filter", filters: [] },
  { name: "pares Y", filters: [{ field: "authentication.pares_status", op: "eq", value: "Y" }] },
  {
    name: "pares Y or A (repeated eq = OR)",
    filters: [
      { field: "authentication.pares_status", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "A" },
    ],
  },
  { name: "pares not Y", filters: [{ field: "authentication.pares_status", op: "neq", value: "Y" }] },
  {
    name: "pares not Y and not N (neq = AND)",
    filters: [
      { field: "authentication.pares_status", op: "neq", value: "Y" },
      { field: "authentication.pares_status", op: "neq", value: "N" },
    ],
  },
  { name: "amount >= 5000", filters: [{ field: "amount", op: "gte", value: 5000 }] },
  { name: "amount <= 2500", filters: [{ field: "amount", op: "lte", value: 2500 }] },
  {
    name: "amount range",
    filters: [
      { field: "amount", op: "gte", value: 1000 },
      { field: "amount", op: "lte", value: 9000 },
    ],
  },
  { name: "amount as numeric string", filters: [{ field: "amount", op: "gte", value: "20000" }] },
  { name: "amount != one value", filters: [{ field: "amount", op: "neq", value: 1000 }] },
  { name: "currency EUR", filters: [{ field: "currency_code", op: "eq", value: "EUR" }] },
  {
    name: "currency EUR or JPY or BHD",
    filters: ["EUR", "JPY", "BHD"].map((value) => ({ field: "currency_code", op: "eq" as const, value })),
  },
  {
    name: "brand VISA and version 1.0.2",
    filters: [
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
      { field: "authentication.threeds_version", op: "eq", value: "1.0.2" },
    ],
  },
  { name: "created on or after 2021-10-16", filters: [{ field: "created_at", op: "gte", value: "2021-10-16" }] },
  {
    name: "created on or before 2021-10-16 (date-only bound)",
    filters: [{ field: "created_at", op: "lte", value: "2021-10-16" }],
  },
  {
    name: "created in 2024 (range)",
    filters: [
      { field: "created_at", op: "gte", value: "2024-01-01" },
      { field: "created_at", op: "lte", value: "2024-12-31" },
    ],
  },
  {
    name: "created_at with a timestamp bound",
    filters: [{ field: "created_at", op: "gte", value: "2023-06-01T12:00:00Z" }],
  },
  { name: "enrolled N", filters: [{ field: "authentication.enrolled", op: "eq", value: "N" }] },
  { name: "signature not Y", filters: [{ field: "authentication.signature_verification", op: "neq", value: "Y" }] },
  {
    name: "eci 05 or 02",
    filters: [
      { field: "authentication.eci_flag", op: "eq", value: "05" },
      { field: "authentication.eci_flag", op: "eq", value: "02" },
    ],
  },
  {
    name: "like on brand (case-insensitive)",
    filters: [{ field: "authentication.card_brand", op: "like", value: "master" }],
  },
  { name: "like on threeds_version", filters: [{ field: "authentication.threeds_version", op: "like", value: "2." }] },
  {
    name: "issuer-eligible combination",
    filters: [
      { field: "authentication.enrolled", op: "eq", value: "Y" },
      { field: "authentication.signature_verification", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "A" },
    ],
  },
  {
    name: "EUR and amount >= 1000 and pares Y",
    filters: [
      { field: "currency_code", op: "eq", value: "EUR" },
      { field: "amount", op: "gte", value: 1000 },
      { field: "authentication.pares_status", op: "eq", value: "Y" },
    ],
  },
  { name: "nothing matches", filters: [{ field: "currency_code", op: "eq", value: "XXX" }] },
  { name: "sort amount asc", filters: [], sort: [{ field: "amount" }] },
  { name: "sort amount desc", filters: [], sort: [{ field: "amount", desc: true }] },
  { name: "sort created_at asc", filters: [], sort: [{ field: "created_at" }] },
  {
    name: "sort brand asc then amount desc (multi-sort)",
    filters: [],
    sort: [{ field: "authentication.card_brand" }, { field: "amount", desc: true }],
  },
  {
    name: "sort currency desc then created_at asc, filtered",
    filters: [{ field: "amount", op: "gte", value: 3000 }],
    sort: [{ field: "currency_code", desc: true }, { field: "created_at" }],
  },
  {
    name: "sort pares then eci",
    filters: [{ field: "authentication.card_brand", op: "neq", value: "VISA" }],
    sort: [{ field: "authentication.pares_status" }, { field: "authentication.eci_flag" }],
  },
  {
    name: "sort transaction_id desc",
    filters: [{ field: "currency_code", op: "eq", value: "USD" }],
    sort: [{ field: "transaction_id", desc: true }],
  },
];

describe("authentications.list and .count through the API agree with an independent evaluation", () => {
  it("has at least 30 combinations and a seeded data set", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(all.length).toBe(600);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const expected = evaluate(all, c.filters);
      const { status, body } = await stack.query<{ items: Rec[] }>("authentications.list", {
        filters: c.filters,
        sort: c.sort ?? [],
        limit: 10_000,
      });
      expect(status).toBe(200);
      const items = body.result?.data.items ?? [];
      expect(new Set(items.map((r) => r._id))).toEqual(new Set(expected.map((r) => r._id)));
      expect(items).toHaveLength(expected.length);
      if (c.sort?.length) expect(isSorted(items, c.sort)).toBe(true);
      for (const item of items.slice(0, 5))
        expect(item.liability).toMatchObject({ liable: expect.stringMatching(/^(ISSUER|MERCHANT)$/) });

      const count = await stack.query<{ count: number }>("authentications.count", { filters: c.filters });
      expect(count.body.result?.data.count).toBe(expected.length);
    });
  }
});

describe("paging", () => {
  const sort = [{ field: "amount", desc: true }, { field: "_id" }];
  it("pages of 50 put together equal the whole sorted list", async () => {
    const whole =
      (await stack.query<{ items: Rec[] }>("authentications.list", { sort, limit: 600 })).body.result?.data.items ?? [];
    const pages: Rec[] = [];
    for (let skip = 0; skip < 600; skip += 50) {
      pages.push(
        ...((await stack.query<{ items: Rec[] }>("authentications.list", { sort, limit: 50, skip })).body.result?.data
          .items ?? []),
      );
    }
    expect(pages.map((r) => r._id)).toEqual(whole.map((r) => r._id));
  });

  it("defaults to 50 rows and the first page", async () => {
    const { body } = await stack.query<{ items: Rec[] }>("authentications.list", {});
    expect(body.result?.data.items).toHaveLength(50);
  });

  it("skip past the end is an empty page", async () => {
    const { body } = await stack.query<{ items: Rec[] }>("authentications.list", { skip: 600 });
    expect(body.result?.data.items).toEqual([]);
  });

  it("a limit of 7 from skip 3 is records 3..9 of the same order", async () => {
    const whole =
      (await stack.query<{ items: Rec[] }>("authentications.list", { sort, limit: 20 })).body.result?.data.items ?? [];
    const part =
      (await stack.query<{ items: Rec[] }>("authentications.list", { sort, limit: 7, skip: 3 })).body.result?.data
        .items ?? [];
    expect(part.map((r) => r._id)).toEqual(whole.slice(3, 10).map((r) => r._id));
  });
});
