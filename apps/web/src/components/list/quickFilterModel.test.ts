import { liabilityPresets } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import {
  activePresetId,
  amountToMinor,
  eqPicker,
  eqValues,
  minorToAmountText,
  removeFilterAt,
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
    let written: Filter[] = [currency("EUR")];
    const picker = eqPicker(
      written,
      (update) => (written = update(written)),
      "currency_code",
      (v) => v.trim().toUpperCase(),
    );
    expect(picker.value).toEqual(["EUR"]);
    picker.onChange(["EUR", " usd", "USD"]);
    expect(written).toEqual([currency("EUR"), currency("USD")]);
  });

  // The defect: ParesStatus N, then Card brand VISA in quick succession left only the brand, because the second
  // picker rebuilt the list from the filters last rendered (without N).
  it("two pickers changed before the page re-renders keep both changes", () => {
    const rendered: Filter[] = [];
    let url: Filter[] = rendered;
    const land = (update: (current: Filter[]) => Filter[]) => (url = update(url));
    eqPicker(rendered, land, "authentication.pares_status").onChange(["N"]);
    eqPicker(rendered, land, "authentication.card_brand").onChange(["VISA"]);
    expect(url).toEqual([
      { field: "authentication.pares_status", op: "eq", value: "N" },
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
    ]);
  });

  it("two picks in one picker before it re-renders keep both, and a removal removes only that value", () => {
    let url: Filter[] = [];
    const land = (update: (current: Filter[]) => Filter[]) => (url = update(url));
    const stale = eqPicker([], land, "currency_code");
    stale.onChange(["EUR"]);
    stale.onChange(["USD"]);
    expect(eqValues(url, "currency_code")).toEqual(["EUR", "USD"]);
    eqPicker([currency("EUR")], land, "currency_code").onChange([]);
    expect(eqValues(url, "currency_code")).toEqual(["USD"]);
  });

  it("removing a chip after another change removes that filter, not the one now at its index", () => {
    const shown = [currency("EUR"), currency("USD")];
    const now = [currency("GBP"), ...shown];
    expect(removeFilterAt(shown, 1)(now)).toEqual([currency("GBP"), currency("EUR")]);
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

describe("singleCurrency with a code ISO 4217 does not know", () => {
  it("is none, so amounts stay in minor units as the chip says", () => {
    expect(singleCurrency([{ field: "currency_code", op: "eq", value: "EURO" }])).toBeNull();
    expect(singleCurrency([{ field: "currency_code", op: "eq", value: "EUR" }])).toEqual({ code: "EUR", exponent: 2 });
  });
});
