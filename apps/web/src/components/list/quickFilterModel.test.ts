import { liabilityPresets } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import {
  activePresetId,
  amountToMinor,
  eqPicker,
  eqValues,
  minorToAmountText,
  sameFilter,
  singleCurrency,
  withEqValues,
  withPreset,
  withRange,
} from "./quickFilterModel.ts";

const currency = (code: string): Filter => ({ field: "currency_code", op: "eq", value: code });

describe("amount range quick filter", () => {
  it("converts major units with the selected currency's exponent", () => {
    expect(amountToMinor("12.50", "EUR")).toEqual({ ok: true, minor: 1250 });
    expect(amountToMinor("1250", "JPY")).toEqual({ ok: true, minor: 1250 });
    expect(amountToMinor("1.005", "BHD")).toEqual({ ok: true, minor: 1005 });
    expect(amountToMinor(" 7 ", "EUR")).toEqual({ ok: true, minor: 700 });
  });

  it("refuses more decimals than the currency has", () => {
    const result = amountToMinor("12.5", "JPY");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/JPY/);
  });

  it("takes minor units (whole numbers) when no single currency is selected, and says so", () => {
    expect(amountToMinor("1250", null)).toEqual({ ok: true, minor: 1250 });
    const result = amountToMinor("12.50", null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/minor units/);
  });

  it("knows the currency only when exactly one is selected", () => {
    expect(singleCurrency([currency("BHD")])).toEqual({ code: "BHD", exponent: 3 });
    expect(singleCurrency([currency("EUR"), currency("USD")])).toBeNull();
    expect(singleCurrency([])).toBeNull();
  });

  it("shows stored minor-unit bounds back in major units", () => {
    expect(minorToAmountText(1250, { exponent: 2 })).toBe("12.50");
    expect(minorToAmountText(5, { exponent: 3 })).toBe("0.005");
    expect(minorToAmountText(-5, { exponent: 2 })).toBe("-0.05");
    expect(minorToAmountText(1250, { exponent: 0 })).toBe("1250");
    expect(minorToAmountText(1250, null)).toBe("1250");
  });

  it("replaces only the amount bounds", () => {
    const filters: Filter[] = [
      currency("EUR"),
      { field: "amount", op: "gte", value: 1 },
      { field: "amount", op: "eq", value: 9 },
    ];
    expect(withRange(filters, "amount", 1000, null)).toEqual([
      currency("EUR"),
      { field: "amount", op: "eq", value: 9 },
      { field: "amount", op: "gte", value: 1000 },
    ]);
  });
});

describe("multi-value quick filters", () => {
  it("turn the selected values into repeated eq filters (OR), leaving other filters alone", () => {
    const filters: Filter[] = [currency("EUR"), { field: "authentication.pares_status", op: "neq", value: "Y" }];
    const next = withEqValues(filters, "authentication.pares_status", ["A", "N"]);
    expect(next).toEqual([
      ...filters,
      { field: "authentication.pares_status", op: "eq", value: "A" },
      { field: "authentication.pares_status", op: "eq", value: "N" },
    ]);
    expect(eqValues(next, "authentication.pares_status")).toEqual(["A", "N"]);
    expect(withEqValues(next, "authentication.pares_status", [])).toEqual(filters);
  });

  it("a picker shows its field's values and writes back typed values normalised, each once", () => {
    let written: Filter[] = [];
    const picker = eqPicker(
      [currency("EUR")],
      (next) => (written = next),
      "currency_code",
      (v) => v.trim().toUpperCase(),
    );
    expect(picker.value).toEqual(["EUR"]);
    picker.onChange(["EUR", " usd", "USD"]);
    expect(written).toEqual([currency("EUR"), currency("USD")]);
  });
});

describe("liability presets", () => {
  const [first, second] = liabilityPresets;
  it("switch from one preset to another and back to none", () => {
    if (!first || !second) throw new Error("the domain defines two presets");
    const base = [currency("EUR")];
    const withFirst = withPreset(base, liabilityPresets, first.id);
    expect(activePresetId(withFirst, liabilityPresets)).toBe(first.id);
    const withSecond = withPreset(withFirst, liabilityPresets, second.id);
    expect(activePresetId(withSecond, liabilityPresets)).toBe(second.id);
    const onlyInFirst = first.filters.filter((f) => !second.filters.some((s) => sameFilter(f, s)));
    expect(withSecond.filter((f) => onlyInFirst.some((pf) => sameFilter(f, pf)))).toEqual([]);
    expect(withPreset(withSecond, liabilityPresets, null)).toEqual(base);
  });
});
