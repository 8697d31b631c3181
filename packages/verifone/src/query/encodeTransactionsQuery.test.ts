import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Filter, FilterOp, Sort } from "../fields/fieldSpec.ts";
import { encodeTransactionsQuery, type TransactionsQuery } from "./encodeTransactionsQuery.ts";

// An independent decoder of the transactions grammar, written from the spec: every parameter is `name=value`;
// created_start / created_end are the created_at bounds; `_skip` counts pages of `_limit` (default 50).
function decode(query: string) {
  const filters: { field: string; op: FilterOp; value: string }[] = [];
  const sort: Sort[] = [];
  let limit: number | undefined;
  let pages: number | undefined;
  for (const part of query === "" ? [] : query.split("&")) {
    const at = part.indexOf("=");
    expect(at).toBeGreaterThan(0);
    const key = decodeURIComponent(part.slice(0, at));
    const raw = part.slice(at + 1);
    if (key === "_sort") {
      const desc = raw.startsWith("-");
      sort.push({ field: decodeURIComponent(desc ? raw.slice(1) : raw), ...(desc ? { desc: true } : {}) });
    } else if (key === "_limit") limit = Number(raw);
    else if (key === "_skip") pages = Number(raw);
    else if (key === "created_start") filters.push({ field: "created_at", op: "gte", value: decodeURIComponent(raw) });
    else if (key === "created_end") filters.push({ field: "created_at", op: "lte", value: decodeURIComponent(raw) });
    else filters.push({ field: key, op: "eq", value: decodeURIComponent(raw) });
  }
  const skip = pages === undefined ? undefined : pages * (limit ?? 50);
  return { filters, sort, limit, skip };
}

const reserved = ["_sort", "_limit", "_skip", "created_start", "created_end"];
const tricky = fc.string({ unit: fc.constantFrom(..."&=+#%?/ !~<>-_.*'()aZ9éß€😀\u0000\n"), maxLength: 12 });
const text = fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ maxLength: 12 }));
const field = text.filter((f) => f !== "" && !reserved.includes(f));
const value = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const eqFilter: fc.Arbitrary<Filter> = fc.record({ field, op: fc.constant("eq"), value });
const bound = (op: "gte" | "lte") =>
  fc.option(fc.record({ field: fc.constant("created_at"), op: fc.constant(op), value }));
const queryArb: fc.Arbitrary<TransactionsQuery> = fc
  .record({
    eq: fc.array(eqFilter, { maxLength: 8 }),
    gte: bound("gte"),
    lte: bound("lte"),
    sort: fc.option(fc.record({ field, desc: fc.boolean() }, { requiredKeys: ["field"] })),
    limit: fc.option(fc.integer({ min: 1, max: 10_000 })),
    pages: fc.option(fc.nat({ max: 1_000 })),
  })
  .chain(({ eq, gte, lte, sort, limit, pages }) =>
    fc.shuffledSubarray([...eq, ...(gte ? [gte] : []), ...(lte ? [lte] : [])]).map((filters) => ({
      filters,
      ...(sort ? { sort: [sort] } : {}),
      ...(limit !== null ? { limit } : {}),
      ...(pages !== null ? { skip: pages * (limit ?? 50) } : {}),
    })),
  );

const asTriples = (filters: readonly Filter[]) =>
  filters
    .map((f) => ({ field: f.field, op: f.op, value: String(f.value) }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe("encodeTransactionsQuery", () => {
  it("writes plain field=value filters, the created_at range as created_start / created_end, and pages", () => {
    const query = encodeTransactionsQuery({
      filters: [
        { field: "transaction_status", op: "eq", value: "SETTLED" },
        { field: "transaction_status", op: "eq", value: "AUTHORISED" },
        { field: "amount", op: "eq", value: 12.5 },
        { field: "created_at", op: "gte", value: "2024-01-01T00:00:00Z" },
        { field: "created_at", op: "lte", value: "2024-01-31" },
        { field: "merchant_reference", op: "eq", value: "order 7&8" },
      ],
      sort: [{ field: "created_at", desc: true }],
      limit: 50,
      skip: 150,
    });
    expect(query).toBe(
      "transaction_status=SETTLED&transaction_status=AUTHORISED&amount=12.5" +
        "&created_start=2024-01-01T00%3A00%3A00Z&created_end=2024-01-31&merchant_reference=order%207%268" +
        "&_sort=-created_at&_limit=50&_skip=3",
    );
  });

  it("is empty for an empty query", () => {
    expect(encodeTransactionsQuery({})).toBe("");
  });

  it("counts skip in records: 0 is page 0, and a skip without a limit uses (and sends) Verifone's 50", () => {
    expect(encodeTransactionsQuery({ limit: 20, skip: 0 })).toBe("_limit=20&_skip=0");
    expect(encodeTransactionsQuery({ skip: 100 })).toBe("_limit=50&_skip=2");
    expect(encodeTransactionsQuery({ limit: 1, skip: 7 })).toBe("_limit=1&_skip=7");
  });

  it("refuses a skip that is not a whole number of pages, saying so", () => {
    expect(() => encodeTransactionsQuery({ limit: 50, skip: 120 })).toThrow(
      "skip must be a multiple of limit on transactions (Verifone skips whole pages): 120 is not a multiple of 50",
    );
    expect(() => encodeTransactionsQuery({ skip: 10 })).toThrow(/not a multiple of 50/);
  });

  it("refuses what the transactions grammar cannot say, naming the field", () => {
    const refuse = (query: TransactionsQuery, message: RegExp) =>
      expect(() => encodeTransactionsQuery(query)).toThrow(message);
    refuse({ filters: [{ field: "currency_code", op: "neq", value: "EUR" }] }, /currency_code.*only "eq"/);
    refuse({ filters: [{ field: "merchant_reference", op: "like", value: "x" }] }, /merchant_reference.*only "eq"/);
    refuse({ filters: [{ field: "amount", op: "gte", value: 5 }] }, /amount: .*gte bound only on created_at/);
    refuse(
      {
        filters: [
          { field: "created_at", op: "gte", value: "2024-01-01" },
          { field: "created_at", op: "gte", value: "2024-02-01" },
        ],
      },
      /created_at: only one gte bound/,
    );
    refuse({ filters: [{ field: "created_start", op: "eq", value: "2024-01-01" }] }, /created_start.*range parameter/);
    refuse({ filters: [{ field: "_skip", op: "eq", value: "1" }] }, /_skip/);
    refuse({ filters: [{ field: "amount", op: "eq", value: Number.POSITIVE_INFINITY }] }, /amount/);
    refuse({ sort: [{ field: "created_at" }, { field: "amount" }] }, /one field only/);
    refuse({ limit: 0 }, /limit/);
    refuse({ limit: 10_001 }, /at most 10000/);
    refuse({ skip: -50 }, /skip/);
    refuse({ limit: 10, skip: 2.5 }, /skip/);
  });

  it("round-trips any query through an independent decoder, skip in records", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const decoded = decode(encodeTransactionsQuery(query));
        expect(asTriples(decoded.filters)).toEqual(asTriples(query.filters ?? []));
        expect(decoded.sort).toEqual(
          (query.sort ?? []).map((s) => ({ field: s.field, ...(s.desc ? { desc: true } : {}) })),
        );
        expect(decoded.skip).toBe(query.skip);
        if (query.limit !== undefined) expect(decoded.limit).toBe(query.limit);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses every skip that is not a multiple of the limit, and accepts every one that is", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat({ max: 1_000_000 }), (limit, skip) => {
        const attempt = () => encodeTransactionsQuery({ limit, skip });
        if (skip % limit === 0) expect(attempt()).toBe(`_limit=${limit}&_skip=${skip / limit}`);
        else expect(attempt).toThrow(RangeError);
      }),
    );
  });
});
