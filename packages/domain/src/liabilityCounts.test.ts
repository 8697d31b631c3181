import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Filter } from "./filter.ts";
import { type LiabilityInput, liabilityOf } from "./liability.ts";
import { constrainFilters, liabilityCountPlan, liabilityCountsFrom, liabilityPresets } from "./liabilityCounts.ts";

// ---- an in-test stand-in for the upstream filter grammar (eq on one field OR'ed, everything else AND'ed) ----

type Rec = LiabilityInput & { currency_code?: string };
/** Upstream `eq`/`neq` may compare exactly or case-insensitively; the plan must be right under both. */
type Semantics = "exact" | "caseless";

function valueAt(record: Rec, field: string): string | undefined {
  const [head, tail] = field.split(".", 2) as [string, string | undefined];
  const top = (record as Record<string, unknown>)[head];
  const value = tail === undefined ? top : (top as Record<string, unknown> | null | undefined)?.[tail];
  return typeof value === "string" ? value : undefined;
}

function same(a: string, b: string, semantics: Semantics): boolean {
  return semantics === "exact" ? a === b : a.toLowerCase() === b.toLowerCase();
}

function matchesOne(record: Rec, filter: Filter, semantics: Semantics): boolean {
  const actual = valueAt(record, filter.field);
  const wanted = String(filter.value);
  switch (filter.op) {
    case "eq":
      return actual !== undefined && same(actual, wanted, semantics);
    case "neq":
      return actual === undefined || !same(actual, wanted, semantics);
    case "like":
      return actual?.toLowerCase().includes(wanted.toLowerCase()) ?? false;
    case "gte":
    case "lte": {
      // A date-only bound is midnight UTC; `created_at` values are ISO 8601.
      const at = Date.parse(actual ?? "");
      const bound = Date.parse(wanted.length === 10 ? `${wanted}T00:00:00Z` : wanted);
      if (Number.isNaN(at)) return false;
      return filter.op === "gte" ? at >= bound : at <= bound;
    }
  }
}

function matches(record: Rec, filters: readonly Filter[], semantics: Semantics): boolean {
  const eqByField = new Map<string, Filter[]>();
  for (const f of filters) if (f.op === "eq") eqByField.set(f.field, [...(eqByField.get(f.field) ?? []), f]);
  const anyEq = [...eqByField.values()].every((group) => group.some((f) => matchesOne(record, f, semantics)));
  return anyEq && filters.filter((f) => f.op !== "eq").every((f) => matchesOne(record, f, semantics));
}

const countOf = (records: Rec[], filters: Filter[] | null, semantics: Semantics) =>
  filters === null ? 0 : records.filter((r) => matches(r, filters, semantics)).length;

// ---- generators: the spellings Verifone data uses, around the 2021-10-16 cutoff ----

const pools = {
  "authentication.enrolled": ["Y", "y", "N", "U", "B", ""],
  "authentication.signature_verification": ["Y", "y", "N", ""],
  "authentication.pares_status": ["Y", "y", "A", "a", "N", "U", "R", "C", ""],
  "authentication.card_brand": ["VISA", "Visa", "visa", "MASTERCARD", "AMEX"],
  "authentication.threeds_version": ["1.0", "1.0.1", "1.0.2", "2.1.0", "2.2.0"],
  currency_code: ["EUR", "USD"],
} as const;
const dates = [
  "2021-10-15T23:59:59Z",
  "2021-10-16T00:00:00Z",
  "2021-10-16T00:30:00+02:00",
  "2021-10-15T23:30:00-02:00",
  "2021-10-16",
  "2020-01-01T10:00:00Z",
  "2023-06-01T10:00:00.000Z",
];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pick = (field: keyof typeof pools) => maybe(fc.constantFrom(...pools[field]));

const recordArb: fc.Arbitrary<Rec> = fc.record({
  created_at: maybe(fc.constantFrom(...dates)),
  currency_code: pick("currency_code"),
  authentication: fc.record({
    enrolled: pick("authentication.enrolled"),
    signature_verification: pick("authentication.signature_verification"),
    pares_status: pick("authentication.pares_status"),
    card_brand: pick("authentication.card_brand"),
    threeds_version: pick("authentication.threeds_version"),
    eci_flag: maybe(fc.constantFrom("05", "02", "07")),
  }),
});

const stringFilterArb: fc.Arbitrary<Filter> = fc
  .constantFrom(...(Object.keys(pools) as (keyof typeof pools)[]))
  .chain((field) =>
    fc.record({
      field: fc.constant(field),
      op: fc.constantFrom("eq", "eq", "neq", "like"),
      value: fc.constantFrom(...pools[field].filter((v) => v !== ""), "vIsA", "a", "Q", "1.0"),
    }),
  );
const dateFilterArb: fc.Arbitrary<Filter> = fc.record({
  field: fc.constant("created_at"),
  op: fc.constantFrom("gte", "lte"),
  value: fc.constantFrom("2021-10-15", "2021-10-16", "2021-10-17", "2022-01-01T00:00:00Z"),
});
const filtersArb = fc.array(
  fc.oneof({ arbitrary: stringFilterArb, weight: 4 }, { arbitrary: dateFilterArb, weight: 1 }),
  {
    maxLength: 6,
  },
);

// ---- tests ----

describe("liabilityCountPlan", () => {
  it.each(["exact", "caseless"] as const)(
    "agrees with counting liabilityOf over the records the user's filters select (%s eq)",
    (semantics) => {
      fc.assert(
        fc.property(fc.array(recordArb, { maxLength: 40 }), filtersArb, (records, filters) => {
          const plan = liabilityCountPlan(filters);
          const counts = liabilityCountsFrom({
            total: countOf(records, plan.total, semantics),
            issuerBase: countOf(records, plan.issuerBase, semantics),
            issuerLegacyVisa: countOf(records, plan.issuerLegacyVisa, semantics),
          });
          const selected = records.filter((r) => matches(r, filters, semantics));
          const issuer = selected.filter((r) => liabilityOf(r).liable === "ISSUER").length;
          expect(counts).toEqual({ total: selected.length, issuer, merchant: selected.length - issuer });
        }),
        { numRuns: 500 },
      );
    },
  );

  it("asks three questions when the user has no filters", () => {
    const plan = liabilityCountPlan([]);
    expect(plan.total).toEqual([]);
    expect(plan.issuerBase).toEqual([
      { field: "authentication.enrolled", op: "eq", value: "Y" },
      { field: "authentication.enrolled", op: "eq", value: "y" },
      { field: "authentication.signature_verification", op: "eq", value: "Y" },
      { field: "authentication.signature_verification", op: "eq", value: "y" },
      { field: "authentication.pares_status", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "y" },
      { field: "authentication.pares_status", op: "eq", value: "A" },
      { field: "authentication.pares_status", op: "eq", value: "a" },
    ]);
    expect(plan.issuerLegacyVisa).toEqual([
      ...(plan.issuerBase ?? []),
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
      { field: "authentication.card_brand", op: "eq", value: "Visa" },
      { field: "authentication.card_brand", op: "eq", value: "visa" },
      { field: "authentication.threeds_version", op: "eq", value: "1.0" },
      { field: "authentication.threeds_version", op: "eq", value: "1.0.1" },
      { field: "authentication.threeds_version", op: "eq", value: "1.0.2" },
      { field: "created_at", op: "gte", value: "2021-10-16" },
    ]);
  });

  it("knows there is no issuer-liable record when the user asks only for failed authentications", () => {
    const plan = liabilityCountPlan([{ field: "authentication.pares_status", op: "eq", value: "N" }]);
    expect(plan).toEqual({
      total: [{ field: "authentication.pares_status", op: "eq", value: "N" }],
      issuerBase: null,
      issuerLegacyVisa: null,
    });
  });

  it("skips the legacy query when the user filters on Mastercard only", () => {
    const plan = liabilityCountPlan([{ field: "authentication.card_brand", op: "eq", value: "MASTERCARD" }]);
    expect(plan.issuerBase).not.toBeNull();
    expect(plan.issuerLegacyVisa).toBeNull();
  });

  it("combines the counts: merchant is everything that is not issuer", () => {
    expect(liabilityCountsFrom({ total: 100, issuerBase: 70, issuerLegacyVisa: 5 })).toEqual({
      total: 100,
      issuer: 65,
      merchant: 35,
    });
  });
});

describe("constrainFilters", () => {
  const other: Filter = { field: "currency_code", op: "eq", value: "EUR" };

  it("adds the values as OR'ed eq filters when the user has none on the field", () => {
    expect(constrainFilters([other], "authentication.pares_status", ["Y", "A"])).toEqual([
      other,
      { field: "authentication.pares_status", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "A" },
    ]);
  });

  it("intersects with the user's eq values on the field instead of widening them", () => {
    const filters: Filter[] = [
      { field: "authentication.pares_status", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "N" },
      other,
    ];
    expect(constrainFilters(filters, "authentication.pares_status", ["Y", "A"])).toEqual([
      other,
      { field: "authentication.pares_status", op: "eq", value: "Y" },
    ]);
  });

  it("compares case-insensitively and keeps the user's spelling", () => {
    const filters: Filter[] = [{ field: "authentication.card_brand", op: "eq", value: "vIsA" }];
    expect(constrainFilters(filters, "authentication.card_brand", ["VISA"])).toEqual(filters);
  });

  it("is provably empty when the user's eq values and ours do not meet", () => {
    const filters: Filter[] = [{ field: "authentication.enrolled", op: "eq", value: "N" }];
    expect(constrainFilters(filters, "authentication.enrolled", ["Y"])).toBeNull();
  });

  it("keeps neq, like, gte and lte on the field, and drops our values the user's neq excludes", () => {
    const filters: Filter[] = [
      { field: "authentication.pares_status", op: "neq", value: "A" },
      { field: "authentication.pares_status", op: "like", value: "y" },
    ];
    expect(constrainFilters(filters, "authentication.pares_status", ["Y", "A"])).toEqual([
      ...filters,
      { field: "authentication.pares_status", op: "eq", value: "Y" },
    ]);
  });

  it("is provably empty when the user's neq filters exclude every value", () => {
    const filters: Filter[] = [
      { field: "authentication.enrolled", op: "neq", value: "Y" },
      { field: "authentication.enrolled", op: "neq", value: "y" },
    ];
    expect(constrainFilters(filters, "authentication.enrolled", ["Y", "y"])).toBeNull();
  });

  it("does not change its input", () => {
    const filters: Filter[] = [{ field: "authentication.enrolled", op: "eq", value: "Y" }];
    const copy = structuredClone(filters);
    constrainFilters(filters, "authentication.enrolled", ["N"]);
    expect(filters).toEqual(copy);
  });
});

describe("liabilityPresets", () => {
  const preset = (id: string) => {
    const found = liabilityPresets.find((p) => p.id === id);
    if (!found) throw new Error(`no preset ${id}`);
    return found.filters;
  };
  /** Verifone's own spelling: upper case. */
  const upper = (r: Rec): Rec => {
    const a = r.authentication ?? {};
    const up = (v: string | null | undefined) => (typeof v === "string" ? v.toUpperCase() : v);
    return {
      ...r,
      authentication: {
        ...a,
        enrolled: up(a.enrolled),
        signature_verification: up(a.signature_verification),
        pares_status: up(a.pares_status),
        card_brand: up(a.card_brand),
      },
    };
  };

  it("legacy-visa-3ds1 selects exactly the rule 1 records", () => {
    fc.assert(
      fc.property(recordArb.map(upper), (r) => {
        const rule1 = liabilityOf({ ...r, authentication: { ...r.authentication, enrolled: "N" } }).reason;
        expect(matches(r, preset("legacy-visa-3ds1"), "exact")).toBe(rule1 === "LEGACY_3DS1_VISA");
      }),
    );
  });

  it("issuer-eligible selects the issuer-liable records plus the legacy Visa ones that would otherwise be", () => {
    fc.assert(
      fc.property(recordArb.map(upper), (r) => {
        const withoutRule1 = liabilityOf({ ...r, created_at: "2020-01-01" });
        expect(matches(r, preset("issuer-eligible"), "exact")).toBe(withoutRule1.liable === "ISSUER");
      }),
    );
  });
});
