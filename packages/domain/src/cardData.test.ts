import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCardNumbers, isCardDataKey, isCardNumber, redactCardData, redactCardNumbers } from "./cardData.ts";

const luhnDigit = (body: string) => {
  for (let d = 0; d <= 9; d++) if (isCardNumber(`${body}${d}`) || `${body}${d}`.startsWith("800")) return String(d);
  return "0";
};

describe("card numbers", () => {
  it("finds Luhn-valid 13–19 digit runs with or without spaces or dashes", () => {
    expect(findCardNumbers("pan 4111111111111111 end")).toEqual(["4111111111111111"]);
    expect(findCardNumbers("read 4111 1111 1111 1111 aloud")).toEqual(["4111 1111 1111 1111"]);
    expect(findCardNumbers("5555-5555-5555-4444")).toEqual(["5555-5555-5555-4444"]);
    expect(findCardNumbers("amex 378282246310005, visa13 4222222222222")).toEqual(["378282246310005", "4222222222222"]);
    expect(findCardNumbers("/transaction/4111111111111111?x")).toEqual(["4111111111111111"]);
  });

  it("leaves numbers that fail Luhn, short numbers and Verifone's 3DS order ids", () => {
    expect(findCardNumbers("4111111111111112")).toEqual([]);
    expect(findCardNumbers("amount 123456789012")).toEqual([]);
    expect(findCardNumbers("ref 12 4111 1111 1111 1111")).toEqual(["12 4111 1111 1111 1111"]);
    expect(findCardNumbers('"time":1796150000004')).toEqual([]);
    expect(findCardNumbers("request c4111111-1111-1111-1111-a0b646ed8e1a")).toEqual([]);
    expect(findCardNumbers("nil uuid 00000000-0000-0000-0000-000000000000")).toEqual([]);
    // A random request id whose first three groups happen to be digits that pass Luhn (it made CI fail once).
    const requestId = "41111111-1111-1111-b7ac-2dc1707c0635";
    expect(findCardNumbers(`"request_id":"${requestId}"`)).toEqual([]);
    expect(redactCardNumbers(`request ${requestId} failed`)).toBe(`request ${requestId} failed`);
    // Both order ids from Verifone's documentation: Luhn-valid, 16 digits, in the 800 range.
    expect(isCardNumber("8000725863630542")).toBe(false);
    expect(findCardNumbers("order 8000725863630542 and 8001840452769160")).toEqual([]);
  });

  it("finds a card glued to other digits", () => {
    expect(findCardNumbers("99994111111111111111")).toHaveLength(1);
  });

  it("redacts every card number it finds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("4", "51", "37", "6011", "35"),
        fc.integer({ min: 13, max: 19 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
        fc.constantFrom("", " ", "-"),
        (prefix, length, digits, separator) => {
          const body = (prefix + digits.join("")).slice(0, length - 1);
          const pan = body + luhnDigit(body);
          fc.pre(isCardNumber(pan));
          const written = pan.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
          const text = redactCardNumbers(`card: ${written}.`);
          expect(text).toBe("card: [card number removed].");
          expect(findCardNumbers(text)).toEqual([]);
        },
      ),
    );
  });
});

describe("redactCardData", () => {
  it("removes card-data keys, card numbers in text and card numbers as numbers, at any depth", () => {
    const input = {
      card: { securityCode: "123", track2: ";4111111111111111=2512?", expiry_month: 4 },
      CVV: 123,
      note: "typed 4111 1111 1111 1111",
      raw: 4111111111111111,
      order_id: "8000725863630542",
      list: [{ pan: "x" }],
    };
    expect(redactCardData(input)).toEqual({
      card: { securityCode: "[removed]", track2: "[removed]", expiry_month: 4 },
      CVV: "[removed]",
      note: "typed [card number removed]",
      raw: "[card number removed]",
      order_id: "8000725863630542",
      list: [{ pan: "[removed]" }],
    });
  });

  it("keeps an error's message and stack, redacted", () => {
    const out = redactCardData(new Error("GET /transaction/4111111111111111 failed")) as Record<string, string>;
    expect(out.message).toBe("GET /transaction/[card number removed] failed");
    expect(out.stack).not.toMatch(/4111111111111111/);
  });

  it("names card-data keys case- and separator-insensitively", () => {
    expect(isCardDataKey("security_code")).toBe(true);
    expect(isCardDataKey("Track-2")).toBe(true);
    expect(isCardDataKey("card_holder_name")).toBe(false);
  });
});
