import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, isKnownCurrency, minorToMajorString, parseMajorToMinor } from "./money.ts";

/** One currency per exponent there is. */
const byExponent = { JPY: 0, EUR: 2, BHD: 3, CLF: 4 } as const;
const currencies = Object.keys(byExponent) as (keyof typeof byExponent)[];

describe("currencyExponent", () => {
  it.each([
    ["EUR", 2],
    ["USD", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["ISK", 0],
    ["CLP", 0],
    ["VND", 0],
    ["XOF", 0],
    ["XAF", 0],
    ["BHD", 3],
    ["KWD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["IQD", 3],
    ["LYD", 3],
    ["TND", 3],
    ["CLF", 4],
    ["jpy", 0],
    ["ZZZ", 2],
  ])("%s has %i decimals", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it("knows real codes and not made-up ones", () => {
    expect(isKnownCurrency("EUR")).toBe(true);
    expect(isKnownCurrency("bhd")).toBe(true);
    expect(isKnownCurrency("ZZZ")).toBe(false);
    expect(isKnownCurrency("XAU")).toBe(false);
  });
});

describe("minorToMajorString", () => {
  it.each([
    [1250, "EUR", "12.50"],
    [5, "EUR", "0.05"],
    [0, "EUR", "0.00"],
    [-1250, "EUR", "-12.50"],
    [1250, "JPY", "1250"],
    [1250, "BHD", "1.250"],
    [5, "BHD", "0.005"],
    [-5, "BHD", "-0.005"],
    [Number.MAX_SAFE_INTEGER, "EUR", "90071992547409.91"],
  ])("%i %s → %s", (minor, currency, text) => {
    expect(minorToMajorString(minor, currency)).toBe(text);
  });

  it("refuses a minor amount that is not a safe integer", () => {
    expect(() => minorToMajorString(12.5, "EUR")).toThrow(/safe integer/);
    expect(() => minorToMajorString(2 ** 53, "EUR")).toThrow(/safe integer/);
  });
});

describe("formatMoney", () => {
  it("uses the ISO exponent of the currency, then the code", () => {
    expect(formatMoney(1250, "EUR")).toBe("12.50 EUR");
    expect(formatMoney(125000, "JPY")).toBe("125,000 JPY");
    expect(formatMoney(1250, "BHD")).toBe("1.250 BHD");
    expect(formatMoney(-1999, "usd")).toBe("-19.99 USD");
  });

  it("follows the locale's separators", () => {
    expect(formatMoney(123456, "EUR", "de-DE")).toBe("1.234,56 EUR");
  });

  it("keeps every digit of the largest amounts (no float rounding)", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "EUR")).toBe("90,071,992,547,409.91 EUR");
  });
});

describe("parseMajorToMinor", () => {
  it.each([
    ["12.50", "EUR", 1250],
    ["12.5", "EUR", 1250],
    ["12", "EUR", 1200],
    [" 0.01 ", "EUR", 1],
    ["007.10", "EUR", 710],
    ["1250", "JPY", 1250],
    ["1.005", "BHD", 1005],
    ["0.29", "EUR", 29],
    ["90071992547409.91", "EUR", Number.MAX_SAFE_INTEGER],
  ])("%j %s → %i", (text, currency, minor) => {
    expect(parseMajorToMinor(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ["12.505", "EUR", "EUR amounts take at most 2 decimals"],
    ["12.5", "JPY", "JPY amounts take no decimals"],
    ["1.0005", "BHD", "BHD amounts take at most 3 decimals"],
    ["-1", "EUR", "the amount must not be negative"],
    ["", "EUR", "enter an amount"],
    ["abc", "EUR", '"abc" is not an amount; write it like 12.50'],
    ["1e3", "EUR", '"1e3" is not an amount; write it like 12.50'],
    ["12,50", "EUR", "write decimals with a point (12.50), not a comma"],
    ["12.", "EUR", '"12." is not an amount; write it like 12.50'],
    ["Infinity", "EUR", '"Infinity" is not an amount; write it like 12.50'],
    ["90071992547409.92", "EUR", "the amount is too large"],
  ])("%j %s is refused: %s", (text, currency, error) => {
    expect(parseMajorToMinor(text, currency)).toEqual({ ok: false, error });
  });
});

describe("money properties", () => {
  const currency = fc.constantFrom(...currencies);
  const minor = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

  it("minor → major string → minor is the identity, for every exponent", () => {
    fc.assert(
      fc.property(currency, minor, (c, m) => {
        const text = minorToMajorString(m, c);
        expect(parseMajorToMinor(text, c)).toEqual({ ok: true, minor: m });
        expect(text.split(".")[1]?.length ?? 0).toBe(byExponent[c]);
      }),
    );
  });

  it("parsing agrees with exact decimal arithmetic (no float error)", () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
    // 11 whole digits and up to 4 decimals stay below Number.MAX_SAFE_INTEGER minor units.
    const amount = currency.chain((c) => fc.tuple(fc.constant(c), digits(1, 11), digits(0, byExponent[c])));
    fc.assert(
      fc.property(amount, ([c, whole, fraction]) => {
        const text = fraction ? `${whole}.${fraction}` : whole;
        const exponent = BigInt(byExponent[c]);
        const expected = BigInt(whole) * 10n ** exponent + BigInt(fraction.padEnd(byExponent[c], "0") || "0");
        expect(parseMajorToMinor(text, c)).toEqual({ ok: true, minor: Number(expected) });
      }),
    );
  });

  it("refuses one decimal more than the currency has", () => {
    fc.assert(
      fc.property(currency, fc.nat({ max: 10 ** 6 }), fc.integer({ min: 1, max: 9 }), (c, whole, last) => {
        const text = `${whole}.${"0".repeat(byExponent[c])}${last}`;
        expect(parseMajorToMinor(text, c).ok).toBe(false);
      }),
    );
  });

  it("formatMoney shows exactly the digits of minorToMajorString", () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), (c, m) => {
        const shown = formatMoney(m, c).replace(` ${c}`, "").replaceAll(",", "");
        expect(shown).toBe(minorToMajorString(m, c));
      }),
    );
  });
});
