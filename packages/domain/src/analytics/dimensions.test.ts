import { describe, expect, it } from "vitest";
import type { Filter } from "../filter.ts";
import { drillDown } from "./dimensions.ts";

const period = { from: "2026-11-04", to: "2026-11-20" };
const periodBounds: Filter[] = [
  { field: "created_at", op: "gte", value: "2026-11-04T00:00:00.000Z" },
  { field: "created_at", op: "lte", value: "2026-11-20T23:59:59.999Z" },
];

describe("drillDown", () => {
  it("a time bucket is the request's filters and the bucket's instants, clipped to the period", () => {
    const filters: Filter[] = [{ field: "currency_code", op: "eq", value: "EUR" }];
    expect(drillDown("week", "2026-11-02", period, filters)).toEqual([
      ...filters,
      { field: "created_at", op: "gte", value: "2026-11-04T00:00:00.000Z" },
      { field: "created_at", op: "lte", value: "2026-11-08T23:59:59.999Z" },
    ]);
    expect(drillDown("day", "2026-11-05", period)).toEqual([
      { field: "created_at", op: "gte", value: "2026-11-05T00:00:00.000Z" },
      { field: "created_at", op: "lte", value: "2026-11-05T23:59:59.999Z" },
    ]);
  });

  it("a value is an exact eq on its list field plus the period", () => {
    expect(drillDown("card_brand", "VISA", period)).toEqual([
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
      ...periodBounds,
    ]);
    expect(drillDown("threeds_version", "2.2.0", period)?.[0]).toEqual({
      field: "authentication.threeds_version",
      op: "eq",
      value: "2.2.0",
    });
    expect(drillDown("currency_code", "JPY", period)?.[0]).toEqual({ field: "currency_code", op: "eq", value: "JPY" });
    expect(drillDown("eci_flag", "05", period)?.[0]).toEqual({
      field: "authentication.eci_flag",
      op: "eq",
      value: "05",
    });
  });

  it("replaces the request's eq on the same field (several eq are OR'ed upstream) and keeps the rest", () => {
    const filters: Filter[] = [
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
      { field: "authentication.card_brand", op: "eq", value: "MASTERCARD" },
      { field: "authentication.card_brand", op: "neq", value: "AMEX" },
      { field: "amount", op: "gte", value: 1000 },
    ];
    expect(drillDown("card_brand", "MASTERCARD", period, filters)).toEqual([
      { field: "authentication.card_brand", op: "neq", value: "AMEX" },
      { field: "amount", op: "gte", value: 1000 },
      { field: "authentication.card_brand", op: "eq", value: "MASTERCARD" },
      ...periodBounds,
    ]);
  });

  it("is null where the grammar cannot express the group: a reason, a missing or blank value", () => {
    expect(drillDown("reason", "NOT_ENROLLED", period)).toBeNull();
    expect(drillDown("card_brand", "", period)).toBeNull();
    expect(drillDown("threeds_version", "  ", period)).toBeNull();
  });
});
