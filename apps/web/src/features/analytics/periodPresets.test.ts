import { periodDays } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import { formatPeriod, resolvePreset, timeBucketFor, utcToday } from "./periodPresets.ts";

describe("period presets", () => {
  const today = "2026-12-01";

  it("ends the last N days today, N days long", () => {
    expect(resolvePreset("last-7-days", today)).toEqual({ from: "2026-11-25", to: "2026-12-01" });
    expect(periodDays(resolvePreset("last-30-days", today))).toBe(30);
    expect(resolvePreset("last-90-days", today)).toEqual({ from: "2026-09-03", to: "2026-12-01" });
  });

  it("takes calendar months for this month and last month, across a year end", () => {
    expect(resolvePreset("this-month", today)).toEqual({ from: "2026-12-01", to: "2026-12-01" });
    expect(resolvePreset("last-month", today)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(resolvePreset("last-month", "2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(resolvePreset("last-month", "2028-03-31")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("reads today in UTC, whatever the clock's zone", () => {
    expect(utcToday(new Date("2026-11-30T23:30:00-02:00"))).toBe("2026-12-01");
    expect(utcToday(new Date("2026-12-01T00:30:00+02:00"))).toBe("2026-11-30");
  });

  it("cuts time by day up to a quarter, then by week, then by month", () => {
    expect(timeBucketFor(resolvePreset("last-90-days", today))).toBe("day");
    expect(timeBucketFor({ from: "2026-01-01", to: "2026-12-01" })).toBe("week");
    expect(timeBucketFor({ from: "2025-01-01", to: "2026-12-01" })).toBe("month");
  });

  it("writes periods for people", () => {
    expect(formatPeriod({ from: "2026-11-01", to: "2026-11-30" })).toBe("1 Nov 2026 – 30 Nov 2026");
    expect(formatPeriod({ from: "2026-11-01", to: "2026-11-01" })).toBe("1 Nov 2026");
  });
});
