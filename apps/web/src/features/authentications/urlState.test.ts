import { authenticationFields, type FieldSpec, type Filter, type Sort } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import { decodeListState, defaultListState, encodeListState, type ListState } from "./urlState.ts";

/** A small seeded PRNG (mulberry32), so the "arbitrary" cases are the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that break naive query-string handling, plus non-ASCII and astral ones.
const alphabet = [
  "~",
  "&",
  "=",
  "%",
  "+",
  "#",
  "?",
  "/",
  " ",
  ",",
  "-",
  ";",
  "'",
  '"',
  "\n",
  "é",
  "Ж",
  "😀",
  "a",
  "Z",
  "0",
  "9",
  "%20",
  "%zz",
  "~eq~",
];

function arbitraryState(next: () => number): ListState {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const filterable = authenticationFields.filter((f) => f.ops.length > 0);
  const filters: Filter[] = Array.from({ length: Math.floor(next() * 5) }, () => {
    const spec = pick(filterable);
    const op = pick(spec.ops);
    if (spec.type === "number")
      return { field: spec.field, op, value: Math.round((next() - 0.5) * 1e9) / (next() < 0.5 ? 1 : 100) };
    const value = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(alphabet)).join("");
    return { field: spec.field, op, value };
  });
  const sortable: readonly FieldSpec[] = authenticationFields.filter((f) => f.sortable);
  const picked = new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(sortable)));
  // Some fields (entity_name) can only be sorted ascending, as the spec says.
  const sort: Sort[] = [...picked].map((f) =>
    next() < 0.5 && !f.ascendingOnly ? { field: f.field, desc: true } : { field: f.field },
  );
  return { filters, sort, limit: 1 + Math.floor(next() * 10_000), skip: Math.floor(next() * 1e6) };
}

describe("list state in the URL", () => {
  it("round-trips arbitrary filters, sorts and pages, whatever characters the values hold", () => {
    const next = random(20240501);
    for (let run = 0; run < 500; run++) {
      const state = arbitraryState(next);
      const search = encodeListState(state);
      // Through a real URL, as the browser will hand it back.
      const url = new URL(`https://backoffice.example/authentications?${search}`);
      const { state: decoded, problems } = decodeListState(url.search);
      expect(problems).toEqual([]);
      expect(decoded).toEqual(state);
    }
  });

  it("is readable: the field, operator and value separators stay as written", () => {
    const search = encodeListState({
      filters: [
        { field: "authentication.pares_status", op: "eq", value: "Y" },
        { field: "amount", op: "gte", value: 1000 },
      ],
      sort: [{ field: "created_at", desc: true }, { field: "amount" }],
      limit: 50,
      skip: 0,
    });
    expect(search).toBe(
      "f=authentication.pares_status~eq~Y&f=amount~gte~1000&sort=-created_at&sort=amount&limit=50&skip=0",
    );
  });

  it("keeps a value containing ~ whole (everything after the second ~ is the value)", () => {
    const { state } = decodeListState("?f=transaction_id~like~a~b~~c");
    expect(state.filters).toEqual([{ field: "transaction_id", op: "like", value: "a~b~~c" }]);
  });

  it("reads numbers for number fields only", () => {
    const { state } = decodeListState("?f=amount~lte~1250&f=currency_code~eq~1250&f=amount~eq~12abc");
    expect(state.filters).toEqual([
      { field: "amount", op: "lte", value: 1250 },
      { field: "currency_code", op: "eq", value: "1250" },
      { field: "amount", op: "eq", value: "12abc" },
    ]);
  });

  it("uses the defaults for an empty link, and tells 'no sort' (sort=) from 'default sort' (no param)", () => {
    expect(decodeListState("")).toEqual({ state: defaultListState, problems: [] });
    expect(decodeListState("?sort=").state.sort).toEqual([]);
    expect(encodeListState({ ...defaultListState, sort: [] })).toContain("sort=&");
    expect(encodeListState(defaultListState)).not.toContain("sort");
  });

  it("reports every unreadable param, naming it, and falls back instead of throwing", () => {
    const { state, problems } = decodeListState(
      "?f=nonsense&f=amount~between~1&f=~eq~x&f=amount~gte~5&sort=-nosuch&sort=amount&sort=-amount&limit=0&skip=-3",
    );
    expect(state).toEqual({
      filters: [{ field: "amount", op: "gte", value: 5 }],
      sort: [{ field: "amount" }],
      limit: defaultListState.limit,
      skip: 0,
    });
    expect(problems.map((p) => `${p.param}=${p.value}`)).toEqual([
      "f=nonsense",
      "f=amount~between~1",
      "f=~eq~x",
      "sort=-nosuch",
      "sort=-amount",
      "limit=0",
      "skip=-3",
    ]);
    expect(problems[1]?.message).toMatch(/unknown operator "between"/);
    expect(problems[5]?.message).toMatch(/limit must be a whole number from 1 to 10000/);
  });

  it("refuses a page size above Verifone's maximum and a fractional skip", () => {
    const { problems } = decodeListState("?limit=10001&skip=1.5");
    expect(problems.map((p) => p.param)).toEqual(["limit", "skip"]);
  });

  it("keeps at most 10 sort keys, as the API takes", () => {
    const sortable = authenticationFields.filter((f) => f.sortable).map((f) => f.field);
    const { state, problems } = decodeListState(
      `?${sortable
        .slice(0, 12)
        .map((f) => `sort=${f}`)
        .join("&")}`,
    );
    expect(state.sort).toHaveLength(10);
    expect(problems).toHaveLength(2);
    expect(problems[0]?.message).toBe("at most 10 sort keys");
  });
});
