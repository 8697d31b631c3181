import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastFourMasked, maskedCardNumber } from "./maskedCard.ts";

describe("a masked card number", () => {
  it("shows the BIN and the last four, grouped as printed", () => {
    expect(maskedCardNumber("411111", "1111", "VISA")).toBe("4111 11•• •••• 1111");
    expect(maskedCardNumber("52000000", "0007", "MASTERCARD")).toBe("5200 0000 •••• 0007");
    expect(maskedCardNumber("378282", "0005", "AMEX")).toBe("3782 82•••• •0005");
    expect(maskedCardNumber("305693", "5904", "DINERS")).toBe("3056 93•••• 5904");
  });

  it("masks a missing part, and is null when nothing is known", () => {
    expect(maskedCardNumber(undefined, "1111", "VISA")).toBe("•••• •••• •••• 1111");
    expect(maskedCardNumber("411111", undefined)).toBe("4111 11•• •••• ••••");
    expect(maskedCardNumber(undefined, undefined)).toBeNull();
  });

  it("never shows more than 8 leading and 4 trailing digits, whatever the fields hold", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,19}$/), fc.stringMatching(/^\d{0,19}$/), (bin, last) => {
        const masked = maskedCardNumber(bin, last) ?? "";
        expect(masked.replace(/[^\d]/g, "").length).toBeLessThanOrEqual(12);
        if (masked) expect(masked.replace(/ /g, "")).toHaveLength(16);
      }),
    );
    expect(maskedCardNumber("4111111111111111", "4111111111111111", "VISA")).toBe("4111 1111 •••• 1111");
  });

  it("says only the last four in short mentions", () => {
    expect(lastFourMasked("1111")).toBe("•••• 1111");
    expect(lastFourMasked(undefined)).toBe("•••• ••••");
  });
});
