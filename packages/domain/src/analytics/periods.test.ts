import { describe, expect, it } from "vitest";
import {
  bucketKey,
  bucketKeys,
  bucketPeriod,
  isIsoDay,
  periodDays,
  periodInstants,
  previousPeriod,
} from "./periods.ts";

describe("periods", () => {
  it("recognises real days only", () => {
    expect(isIsoDay("2026-11-03")).toBe(true);
    expect(isIsoDay("2026-02-30")).toBe(false);
    expect(isIsoDay("2026-11-3")).toBe(false);
  });

  it("counts inclusive days and gives the first and last instant in UTC", () => {
    expect(periodDays({ from: "2026-11-01", to: "2026-11-30" })).toBe(30);
    expect(periodDays({ from: "2026-11-03", to: "2026-11-03" })).toBe(1);
    expect(periodInstants({ from: "2026-11-01", to: "2026-11-30" })).toEqual({
      start: "2026-11-01T00:00:00.000Z",
      end: "2026-11-30T23:59:59.999Z",
    });
  });

  it("the previous period has the same length and ends the day before", () => {
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-10-02", to: "2026-10-31" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    expect(previousPeriod({ from: "2024-03-01", to: "2024-03-07" })).toEqual({ from: "2024-02-23", to: "2024-02-29" });
  });

  it("buckets an instant by UTC day, ISO week start (Monday) and month", () => {
    expect(bucketKey("2026-11-03T23:59:59.999Z", "day")).toBe("2026-11-03");
    expect(bucketKey("2026-11-03T23:30:00-02:00", "day")).toBe("2026-11-04");
    expect(bucketKey("2026-11-08T12:00:00Z", "week")).toBe("2026-11-02"); // a Sunday → its Monday
    expect(bucketKey("2026-11-02T00:00:00Z", "week")).toBe("2026-11-02");
    expect(bucketKey("2027-01-01T00:00:00Z", "week")).toBe("2026-12-28");
    expect(bucketKey("2026-11-30T23:00:00Z", "month")).toBe("2026-11");
  });

  it("lists every bucket of a period in order, empty ones included", () => {
    expect(bucketKeys({ from: "2026-10-30", to: "2026-11-02" }, "day")).toEqual([
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
      "2026-11-02",
    ]);
    expect(bucketKeys({ from: "2026-11-01", to: "2026-11-16" }, "week")).toEqual([
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
    ]);
    expect(bucketKeys({ from: "2025-12-15", to: "2026-02-01" }, "month")).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("a bucket's days are clipped to the period", () => {
    const period = { from: "2026-11-04", to: "2026-11-20" };
    expect(bucketPeriod("2026-11-02", "week", period)).toEqual({ from: "2026-11-04", to: "2026-11-08" });
    expect(bucketPeriod("2026-11-16", "week", period)).toEqual({ from: "2026-11-16", to: "2026-11-20" });
    expect(bucketPeriod("2026-11", "month", period)).toEqual(period);
    expect(bucketPeriod("2024-02", "month", { from: "2024-01-01", to: "2024-12-31" })).toEqual({
      from: "2024-02-01",
      to: "2024-02-29",
    });
    expect(bucketPeriod("2026-11-05", "day", period)).toEqual({ from: "2026-11-05", to: "2026-11-05" });
  });
});
