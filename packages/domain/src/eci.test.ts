import { describe, expect, it } from "vitest";
import { eciCategory, eciMeaning, normalizeEci } from "./eci.ts";

describe("eciCategory", () => {
  it.each([
    ["05", "FULL"],
    ["02", "FULL"],
    ["06", "ATTEMPTED"],
    ["01", "ATTEMPTED"],
    ["07", "NONE"],
    ["00", "NONE"],
    ["03", "UNKNOWN"],
    ["", "UNKNOWN"],
    ["5x", "UNKNOWN"],
    ["005", "UNKNOWN"],
    [null, "UNKNOWN"],
    [undefined, "UNKNOWN"],
  ] as const)("%j → %s", (eci, category) => {
    expect(eciCategory(eci)).toBe(category);
  });

  it("reads the legacy single-digit form as its two-digit value", () => {
    expect(eciCategory("5")).toBe("FULL");
    expect(eciCategory(6)).toBe("ATTEMPTED");
    expect(eciCategory(" 7 ")).toBe("NONE");
    expect(normalizeEci(2)).toBe("02");
  });
});

describe("eciMeaning", () => {
  it("explains the value", () => {
    expect(eciMeaning("05")).toBe("ECI 05: fully authenticated.");
    expect(eciMeaning("1")).toBe("ECI 01: authentication attempted.");
    expect(eciMeaning("00", "MASTERCARD")).toBe("ECI 00: not authenticated by 3-D Secure.");
  });

  it("says when the value belongs to the other brand family", () => {
    expect(eciMeaning("05", "Mastercard")).toContain("Mastercard normally uses 02, 01 or 00");
    expect(eciMeaning("02", "VISA")).toContain("VISA normally uses 05, 06 or 07");
    expect(eciMeaning("06", "VISA")).toBe("ECI 06: authentication attempted.");
  });

  it("handles missing and unknown values", () => {
    expect(eciMeaning(undefined)).toBe("No ECI value.");
    expect(eciMeaning(" ")).toBe("No ECI value.");
    expect(eciMeaning("zz")).toBe('ECI "zz": not a known ECI value.');
    expect(eciMeaning("09", "VISA")).toBe("ECI 09: not a known ECI value.");
  });
});
