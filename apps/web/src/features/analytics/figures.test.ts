import { describe, expect, it } from "vitest";
import { countChange, formatRate, rateChange } from "./figures.ts";

describe("figures", () => {
  it("shows a null rate as a dash, never 0", () => {
    expect(formatRate(null)).toBe("—");
    expect(formatRate(0)).toBe("0.0 %");
    expect(formatRate(0.6049)).toBe("60.5 %");
  });

  it("compares counts in per cent and rates in points", () => {
    expect(countChange(110, 100)).toEqual({ text: "+10.0 %", direction: "up" });
    expect(countChange(90, 100)).toEqual({ text: "-10.0 %", direction: "down" });
    expect(countChange(5, 0)).toEqual({ text: "—", direction: "none" });
    expect(countChange(5, undefined)).toEqual({ text: "—", direction: "none" });
    expect(rateChange(0.62, 0.6)).toEqual({ text: "+2.0 pp", direction: "up" });
    expect(rateChange(null, 0.6).text).toBe("—");
    expect(rateChange(0.5, null).text).toBe("—");
  });
});
