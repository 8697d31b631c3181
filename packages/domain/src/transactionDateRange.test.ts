import { describe, expect, it } from "vitest";
import type { Filter } from "./filter.ts";
import { hasCreatedRange, transactionDateRangeProblems } from "./transactionDateRange.ts";

const range = (from: string, to: string): Filter[] => [
  { field: "currency_code", op: "eq", value: "EUR" },
  { field: "created_at", op: "gte", value: from },
  { field: "created_at", op: "lte", value: to },
];

describe("the transactions created range (at most one month, as Verifone lists it)", () => {
  it("takes a whole calendar month of days", () => {
    expect(transactionDateRangeProblems(range("2026-01-01", "2026-01-31"))).toEqual([]);
    expect(transactionDateRangeProblems(range("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"))).toEqual([]);
  });

  it("refuses a day more, on both bounds, naming the field and the latest end", () => {
    const problems = transactionDateRangeProblems(range("2026-01-01", "2026-02-01"));
    expect(problems.map((p) => p.index)).toEqual([1, 2]);
    expect(problems[0]?.message).toMatch(/^created_at: .*at most one month.*end by 2026-01-31/);
  });

  it("refuses an end before the start on the end bound", () => {
    expect(transactionDateRangeProblems(range("2026-03-10", "2026-03-01"))).toEqual([
      { index: 2, message: expect.stringMatching(/^created_at: the end .* before its start/) },
    ]);
  });

  it("leaves a single bound and unreadable dates alone", () => {
    expect(transactionDateRangeProblems([{ field: "created_at", op: "gte", value: "2020-01-01" }])).toEqual([]);
    expect(transactionDateRangeProblems(range("soon", "2026-01-01"))).toEqual([]);
  });

  it("knows whether a created range is there (the count endpoint cannot take one)", () => {
    expect(hasCreatedRange(range("2026-01-01", "2026-01-02"))).toBe(true);
    expect(hasCreatedRange([{ field: "created_at", op: "eq", value: "2026-01-01" }])).toBe(false);
  });
});
