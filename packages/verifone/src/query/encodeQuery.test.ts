import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Filter, FilterOp, Sort } from "../fields/fieldSpec.ts";
import { encodeThreeDSQuery } from "./encodeQuery.ts";

// An independent decoder of Verifone's grammar: split on "&", the operator is the raw character before the first "=".
const suffixOps: Record<string, FilterOp> = { "!": "neq", ">": "gte", "<": "lte", "~": "like" };

function decode(query: string, urlNormalised = false) {
  const filters: { field: string; op: FilterOp; value: string }[] = [];
  const sort: Sort[] = [];
  let limit: number | undefined;
  let skip: number | undefined;
  for (const part of query === "" ? [] : query.split("&")) {
    const at = part.indexOf("=");
    expect(at).toBeGreaterThan(0);
    let key = part.slice(0, at);
    const raw = part.slice(at + 1);
    if (key === "_sort") {
      const desc = raw.startsWith("-");
      sort.push({ field: decodeURIComponent(desc ? raw.slice(1) : raw), ...(desc ? { desc: true } : {}) });
    } else if (key === "_limit") limit = Number(raw);
    else if (key === "_skip") skip = Number(raw);
    else {
      // After a URL parser normalised the query, > and < arrive as %3E / %3C.
      if (urlNormalised) key = key.replace(/%3E$/i, ">").replace(/%3C$/i, "<");
      const op = suffixOps[key.at(-1) ?? ""] ?? "eq";
      filters.push({
        field: decodeURIComponent(op === "eq" ? key : key.slice(0, -1)),
        op,
        value: decodeURIComponent(raw),
      });
    }
  }
  return { filters, sort, limit, skip };
}

const tricky = fc.string({ unit: fc.constantFrom(..."&=+#%?/ !~<>-_.*'()aZ9éß€😀\u0000\n"), maxLength: 12 });
const text = fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ maxLength: 12 }));
const field = text.filter((f) => f !== "" && !["_sort", "_limit", "_skip"].includes(f));
const filterArb: fc.Arbitrary<Filter> = fc.record({
  field,
  op: fc.constantFrom("eq", "neq", "gte", "lte", "like"),
  value: fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
});
const sortArb: fc.Arbitrary<Sort> = fc.record({ field, desc: fc.boolean() }, { requiredKeys: ["field"] });
const queryArb = fc.record(
  {
    filters: fc.array(filterArb, { maxLength: 8 }),
    sort: fc.array(sortArb, { maxLength: 4 }),
    limit: fc.integer({ min: 1, max: 10_000 }),
    skip: fc.nat(),
  },
  { requiredKeys: [] },
);

const asTriples = (filters: readonly Filter[]) =>
  filters
    .map((f) => ({ field: f.field, op: f.op, value: String(f.value) }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe("encodeThreeDSQuery", () => {
  it("writes the grammar of CONTRACT.md §1", () => {
    const query = encodeThreeDSQuery({
      filters: [
        { field: "authentication.pares_status", op: "eq", value: "Y" },
        { field: "authentication.pares_status", op: "eq", value: "A" },
        { field: "currency_code", op: "neq", value: "EUR" },
        { field: "amount", op: "gte", value: 2000 },
        { field: "created_at", op: "lte", value: "2024-01-31" },
        { field: "transaction_id", op: "like", value: "ab c" },
      ],
      sort: [{ field: "created_at", desc: true }, { field: "amount" }],
      limit: 50,
      skip: 100,
    });
    expect(query).toBe(
      "authentication.pares_status=Y&authentication.pares_status=A&currency_code!=EUR&amount>=2000" +
        "&created_at<=2024-01-31&transaction_id~=ab%20c&_sort=-created_at&_sort=amount&_limit=50&_skip=100",
    );
  });

  it("is empty for an empty query", () => {
    expect(encodeThreeDSQuery({})).toBe("");
  });

  it("escapes characters that would change the meaning", () => {
    expect(encodeThreeDSQuery({ filters: [{ field: "a!", op: "eq", value: "x&_limit=1" }] })).toBe(
      "a%21=x%26_limit%3D1",
    );
    expect(encodeThreeDSQuery({ filters: [{ field: "f", op: "eq", value: "1+1 #2 ~é" }] })).toBe(
      "f=1%2B1%20%232%20%7E%C3%A9",
    );
    expect(encodeThreeDSQuery({ sort: [{ field: "-x" }] })).toBe("_sort=%2Dx");
  });

  it("refuses what it cannot encode, naming it", () => {
    expect(() => encodeThreeDSQuery({ filters: [{ field: "_limit", op: "eq", value: "1" }] })).toThrow(/_limit/);
    expect(() => encodeThreeDSQuery({ filters: [{ field: "amount", op: "eq", value: Number.NaN }] })).toThrow(/amount/);
    expect(() => encodeThreeDSQuery({ filters: [{ field: "card", op: "eq", value: "\ud800" }] })).toThrow(/card/);
    expect(() => encodeThreeDSQuery({ filters: [{ field: "card", op: "in" as FilterOp, value: "x" }] })).toThrow(
      /operator/,
    );
    expect(() => encodeThreeDSQuery({ limit: 0 })).toThrow(/limit/);
    expect(() => encodeThreeDSQuery({ skip: -1 })).toThrow(/skip/);
    expect(() => encodeThreeDSQuery({ skip: 1.5 })).toThrow(/skip/);
  });

  it("round-trips any filters, sorts, limit and skip through an independent decoder", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const decoded = decode(encodeThreeDSQuery(query));
        expect(asTriples(decoded.filters)).toEqual(asTriples(query.filters ?? []));
        expect(decoded.sort).toEqual(
          (query.sort ?? []).map((s) => ({ field: s.field, ...(s.desc ? { desc: true } : {}) })),
        );
        expect(decoded.limit).toBe(query.limit);
        expect(decoded.skip).toBe(query.skip);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the same meaning after a URL parser normalises the query (as fetch does)", () => {
    const plainField = field.filter((f) => !/[<>]$/.test(f));
    const arb = fc.array(fc.record({ field: plainField, op: filterArb.map((f) => f.op), value: text }), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(arb, (filters) => {
        const sent = new URL(`http://verifone.test/v2/3d?${encodeThreeDSQuery({ filters })}`).search.slice(1);
        expect(asTriples(decode(sent, true).filters)).toEqual(asTriples(filters));
      }),
      { numRuns: 300 },
    );
  });
});
