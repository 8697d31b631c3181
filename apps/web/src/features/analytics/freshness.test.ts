import { describe, expect, it } from "vitest";
import { timeLabel } from "./breakdownRows.ts";
import { backfillProgress, formatInstant, formatLag } from "./freshness.ts";

describe("freshness", () => {
  it("measures the back-fill from the newest record back to its target", () => {
    const progress = backfillProgress({
      syncedThrough: "2026-12-01T00:00:00.000Z",
      lagSeconds: 10,
      backfill: { done: false, from: "2025-12-01T00:00:00.000Z", through: "2026-06-01T00:00:00.000Z" },
      lastError: null,
    });
    expect(progress?.percent).toBe(50);
    const done = backfillProgress({
      syncedThrough: "2026-12-01T00:00:00.000Z",
      lagSeconds: 10,
      backfill: { done: true, from: "2025-12-01T00:00:00.000Z", through: "2025-12-01T00:00:00.000Z" },
      lastError: null,
    });
    expect(done).toBeNull();
  });

  it("says times in the chosen zone, labelled, and lags in words", () => {
    expect(formatInstant("2026-12-01T21:40:00+02:00", "UTC")).toBe("1 Dec 2026, 19:40 UTC");
    expect(formatInstant("2026-12-01T21:40:00+02:00", "Europe/Berlin")).toBe("1 Dec 2026, 20:40 UTC+01:00");
    expect(formatLag(42)).toBe("42 seconds");
    expect(formatLag(600)).toBe("10 minutes");
    expect(formatLag(5 * 3600)).toBe("5 hours");
    expect(formatLag(3 * 86_400)).toBe("3 days");
  });

  it("labels time buckets", () => {
    expect(timeLabel("2026-11-03", "day")).toBe("3 Nov");
    expect(timeLabel("2026-11-02", "week")).toBe("week of 2 Nov");
    expect(timeLabel("2026-11", "month")).toBe("Nov 2026");
  });
});
