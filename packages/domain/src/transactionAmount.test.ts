import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minorToMajorString } from "./money.ts";
import { majorAmountToMinor } from "./transactionAmount.ts";

describe("majorAmountToMinor", () => {
  it.each([
    [12.5, "EUR", 1250],
    ["12.50", "EUR", 1250],
    ["12.500", "EUR", 1250],
    [1250, "JPY", 1250],
    ["12.0", "JPY", 12],
    ["1.250", "BHD", 1250],
    [0.1, "EUR", 10],
    ["-5.00", "EUR", -500],
    [0, "EUR", 0],
  ])("%j %s is %i minor units", (amount, currency, minor) => {
    expect(majorAmountToMinor(amount, currency)).toBe(minor);
  });

  it.each([
    ["12.505", "EUR"],
    ["12.5", "JPY"],
    [1e21, "EUR"],
    [Number.NaN, "EUR"],
    ["", "EUR"],
    [".5", "EUR"],
    ["5.", "EUR"],
    ["1,5", "EUR"],
    [null, "EUR"],
    [undefined, "EUR"],
  ])("%j %s is not an exact amount", (amount, currency) => {
    expect(majorAmountToMinor(amount, currency)).toBeNull();
  });

  it("reads back every amount Verifone could list (number) or show (string)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.constantFrom("EUR", "JPY", "BHD", "CLF"),
        (minor, currency) => {
          const text = minorToMajorString(minor, currency);
          expect(majorAmountToMinor(text, currency)).toBe(minor);
          expect(majorAmountToMinor(Number(text), currency)).toBe(minor);
        },
      ),
    );
  });
});
