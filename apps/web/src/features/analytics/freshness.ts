import { formatDateTime } from "../../time/formatTime.ts";
import type { StatusAnswer } from "./types.ts";

/**
 * "1 Dec 2026, 19:40 UTC", "1 Dec 2026, 20:40 UTC+01:00": an instant in the staff member's zone, labelled (the
 * page's days are UTC days whatever the zone; its instants are shown like every other time in the dashboard).
 */
export function formatInstant(iso: string, zone: string): string {
  return formatDateTime(iso, zone);
}

/** "45 seconds", "12 minutes", "3 hours", "2 days". */
export function formatLag(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (seconds < 90) return unit(Math.max(0, Math.round(seconds)), "second");
  if (seconds < 90 * 60) return unit(Math.round(seconds / 60), "minute");
  if (seconds < 36 * 3600) return unit(Math.round(seconds / 3600), "hour");
  return unit(Math.round(seconds / 86_400), "day");
}

/** Lagging more than this, the page says the figures are ageing (the sync runs every minute by default). */
export const staleAfterSeconds = 10 * 60;

export type BackfillProgress = { percent: number; reached: string; target: string } | null;

/**
 * How far the first back-fill has got: it walks from the newest records back to `from`, and holds everything from
 * `through` on. Null when it is done or has not started.
 */
export function backfillProgress(status: StatusAnswer): BackfillProgress {
  const { backfill, syncedThrough } = status;
  if (backfill.done || !backfill.from || !backfill.through) return null;
  const target = Date.parse(backfill.from);
  const reached = Date.parse(backfill.through);
  const newest = syncedThrough ? Date.parse(syncedThrough) : Date.now();
  const span = newest - target;
  const percent = span > 0 ? Math.min(100, Math.max(0, ((newest - reached) / span) * 100)) : 0;
  return { percent: Math.floor(percent), reached: backfill.through, target: backfill.from };
}
