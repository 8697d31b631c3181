import { describe, expect, it } from "vitest";
import { decimalNumber, decimalString, equalsDecimal, exponentOf, formatMoney } from "./currencies.ts";

describe("ISO 4217 amounts", () => {
  it("knows the exponents: 0 for JPY, 3 for BHD, 2 by default", () => {
    expect([exponentOf("JPY"), exponentOf("KRW"), exponentOf("BHD"), exponentOf("EUR"), exponentOf("XYZ")]).toEqual([
      0, 0, 3, 2, 2,
    ]);
  });

  it.each([
    [1250, "EUR", "12.50", 12.5],
    [5, "EUR", "0.05", 0.05],
    [1250, "JPY", "1250", 1250],
    [12345, "BHD", "12.345", 12.345],
    [7, "KWD", "0.007", 0.007],
    [0, "USD", "0.00", 0],
    [-150, "EUR", "-1.50", -1.5],
  ])("%i minor units of %s read %s", (minor, code, text, number) => {
    expect(decimalString(minor, code)).toBe(text);
    expect(decimalNumber(minor, code)).toBe(number);
    expect(equalsDecimal(minor, code, number)).toBe(true);
    expect(equalsDecimal(minor + 1, code, number)).toBe(false);
  });

  it("formats money for messages", () => {
    expect(formatMoney(1250, "EUR")).toBe("12.50 EUR");
  });
});
