import { analytics } from "@vbo/db";
import { describe, expect, it } from "vitest";
import { completeFrom, statusOf } from "./storeStatus.ts";

const d = (iso: string) => new Date(iso);
const state = (stream: analytics.SyncStream, patch: Partial<analytics.SyncState>) => ({
  ...analytics.emptySyncState(stream),
  ...patch,
});

describe("analytics store status", () => {
  it("is complete from a day only once synced and back-filled down to it", () => {
    expect(completeFrom(state("authentications", {}), d("2026-11-01T00:00:00Z"))).toBe(false);
    const midway = state("authentications", {
      watermark: d("2026-12-01T10:00:00Z"),
      backfillThrough: d("2026-10-15T10:00:00Z"),
      backfillFrom: d("2025-10-27T10:00:00Z"),
    });
    expect(completeFrom(midway, d("2026-11-01T00:00:00Z"))).toBe(true);
    expect(completeFrom(midway, d("2026-10-01T00:00:00Z"))).toBe(false);
    const done = { ...midway, backfillThrough: midway.backfillFrom, backfillDone: true };
    expect(completeFrom(done, d("2025-11-01T00:00:00Z"))).toBe(true);
    expect(completeFrom(done, d("2025-01-01T00:00:00Z"))).toBe(false);
  });

  it("reports the slower stream's watermark, its lag, the back-fill of both and every error", () => {
    const auth = state("authentications", {
      watermark: d("2026-12-01T10:00:00Z"),
      backfillFrom: d("2025-10-27T10:00:00Z"),
      backfillThrough: d("2026-01-01T00:00:00Z"),
      lastError: "HTTP 503",
    });
    const pay = state("payments", {
      watermark: d("2026-12-01T09:59:00Z"),
      backfillFrom: d("2025-10-27T10:00:00Z"),
      backfillThrough: d("2025-10-27T10:00:00Z"),
      backfillDone: true,
    });
    expect(statusOf([auth, pay], d("2026-12-01T10:01:00Z"))).toEqual({
      syncedThrough: "2026-12-01T09:59:00.000Z",
      lagSeconds: 120,
      backfill: { done: false, from: "2025-10-27T10:00:00.000Z", through: "2026-01-01T00:00:00.000Z" },
      lastError: "authentications: HTTP 503",
    });
    expect(statusOf([state("authentications", {}), pay]).syncedThrough).toBeNull();
  });
});
