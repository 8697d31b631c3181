import { describe, expect, it } from "vitest";
import { amountFilterProblems, amountValueText, filteredCurrency } from "./amountFilters.ts";
import type { Filter } from "./filter.ts";
import { parseMajorToMinor } from "./money.ts";

const eur: Filter = { field: "currency_code", op: "eq", value: "EUR" };

describe("amount and currency filters", () => {
  it("say an amount in the view's one currency, or its unit without one", () => {
    expect(amountValueText(5000, "minor", "EUR")).toBe("50.00 EUR");
    expect(amountValueText(5000, "minor", "JPY")).toBe("5,000 JPY");
    expect(amountValueText(50, "major", "EUR")).toBe("50.00 EUR");
    expect(amountValueText(5000, "minor", null)).toBe("5000 minor units");
    expect(amountValueText(50.5, "major", null)).toBe("50.5 (major units, no currency chosen)");
    expect(filteredCurrency([eur])).toBe("EUR");
    expect(filteredCurrency([eur, { ...eur, value: "USD" }])).toBeNull();
    expect(filteredCurrency([{ ...eur, value: "EURO" }])).toBeNull();
  });

  it("flag an unknown currency, a decimal comma and an inverted range, by index", () => {
    const problems = amountFilterProblems([
      { ...eur, value: "EURO" },
      { field: "amount", op: "gte", value: 5000 },
      { field: "amount", op: "lte", value: 100 },
      { field: "amount", op: "eq", value: "12,50" },
    ]);
    expect(problems).toEqual([
      { index: 0, message: expect.stringMatching(/^currency_code: "EURO" is not an ISO 4217/) },
      { index: 3, message: "amount: write decimals with a point (12.50), not a comma" },
      { index: 2, message: expect.stringMatching(/^amount: the upper bound is below the lower one/) },
    ]);
    expect(amountFilterProblems([eur, { field: "amount", op: "gte", value: 100 }])).toEqual([]);
  });

  it("a decimal comma typed as an amount says how to write it", () => {
    expect(parseMajorToMinor("12,50", "EUR")).toEqual({
      ok: false,
      error: "write decimals with a point (12.50), not a comma",
    });
  });
});
