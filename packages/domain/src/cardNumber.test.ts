import { describe, expect, it } from "vitest";
import { isLuhnValid } from "./cardData.ts";
import { looksLikeCardNumber } from "./cardNumber.ts";

describe("card numbers", () => {
  it("Luhn", () => {
    expect(isLuhnValid("4111111111111111")).toBe(true);
    expect(isLuhnValid("4111111111111112")).toBe(false);
    expect(isLuhnValid("79927398713")).toBe(true);
  });

  it("refuses Luhn-valid 13–19 digit values, grouped or not", () => {
    expect(looksLikeCardNumber("4111111111111111")).toBe(true);
    expect(looksLikeCardNumber(" 4111 1111 1111 1111 ")).toBe(true);
    expect(looksLikeCardNumber("5555-5555-5555-4444")).toBe(true);
    expect(looksLikeCardNumber("378282246310005")).toBe(true); // Amex, 15
    expect(looksLikeCardNumber("4222222222222")).toBe(true); // Visa, 13
    expect(looksLikeCardNumber("6011000990139424")).toBe(true);
  });

  it("lets references through: wrong check digit, too short or long, letters, 3DS order ids", () => {
    expect(looksLikeCardNumber("4111111111111112")).toBe(false);
    expect(looksLikeCardNumber("411111111111")).toBe(false);
    expect(looksLikeCardNumber("41111111111111111111")).toBe(false);
    expect(looksLikeCardNumber("ORD-4111111111111111")).toBe(false);
    expect(looksLikeCardNumber("8001234567890126")).toBe(false);
    expect(looksLikeCardNumber("c0a8f6a2-1b2c-4d5e-8f90-123456789abc")).toBe(false);
  });
});
