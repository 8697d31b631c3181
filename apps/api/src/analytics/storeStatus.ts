import { analytics, type Queryable } from "@vbo/db";

export type AnalyticsStatus = {
  /** Everything created up to this instant is in the store (the older of the two streams' watermarks). */
  syncedThrough: string | null;
  lagSeconds: number | null;
  backfill: { done: boolean; from: string | null; through: string | null };
  lastError: string | null;
};

type State = analytics.SyncState;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const older = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : null);
const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

export async function readSyncStates(db: Queryable): Promise<[State, State]> {
  return Promise.all([analytics.getSyncState(db, "authentications"), analytics.getSyncState(db, "payments")]);
}

/** analytics.status: both streams together — the store is as far as its slower stream. */
export function statusOf([auth, pay]: [State, State], now = new Date()): AnalyticsStatus {
  const synced = older(auth.watermark, pay.watermark);
  const errors = [auth, pay].filter((s) => s.lastError).map((s) => `${s.stream}: ${s.lastError}`);
  return {
    syncedThrough: iso(synced),
    lagSeconds: synced ? Math.max(0, Math.round((now.getTime() - synced.getTime()) / 1000)) : null,
    backfill: {
      done: auth.backfillDone && pay.backfillDone,
      from: iso(later(auth.backfillFrom, pay.backfillFrom)),
      through: iso(later(auth.backfillThrough, pay.backfillThrough)),
    },
    lastError: errors.length > 0 ? errors.join("; ") : null,
  };
}

/**
 * Whether a stream holds everything from `start` on: it has synced and its back-fill has reached `start` (a finished
 * back-fill stops at its target, so a period older than that stays incomplete).
 */
export function completeFrom(state: State, start: Date): boolean {
  return state.watermark !== null && state.backfillThrough !== null && state.backfillThrough <= start;
}
