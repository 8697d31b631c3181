import type { Db, Queryable } from "../driver.ts";

export type SyncStream = "authentications" | "payments";

export type SyncState = {
  stream: SyncStream;
  /** Everything created up to here has been pulled; the next pull starts an overlap window before it. */
  watermark: Date | null;
  /** The back-fill's target: the oldest instant it pulls. */
  backfillFrom: Date | null;
  /** How far back the back-fill has got (it walks newest-first, from the first watermark down to backfillFrom). */
  backfillThrough: Date | null;
  backfillDone: boolean;
  rulesVersion: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSuccessAt: Date | null;
};

export function emptySyncState(stream: SyncStream): SyncState {
  return {
    stream,
    watermark: null,
    backfillFrom: null,
    backfillThrough: null,
    backfillDone: false,
    rulesVersion: null,
    lastError: null,
    lastErrorAt: null,
    lastSuccessAt: null,
  };
}

type StateRow = {
  stream: SyncStream;
  watermark: Date | null;
  backfill_from: Date | null;
  backfill_through: Date | null;
  backfill_done: boolean;
  rules_version: number | null;
  last_error: string | null;
  last_error_at: Date | null;
  last_success_at: Date | null;
};

export async function getSyncState(db: Queryable, stream: SyncStream): Promise<SyncState> {
  const { rows } = await db.query<StateRow>("SELECT * FROM analytics_sync_state WHERE stream = $1", [stream]);
  const row = rows[0];
  if (!row) return emptySyncState(stream);
  return {
    stream,
    watermark: row.watermark,
    backfillFrom: row.backfill_from,
    backfillThrough: row.backfill_through,
    backfillDone: row.backfill_done,
    rulesVersion: row.rules_version,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    lastSuccessAt: row.last_success_at,
  };
}

export async function saveSyncState(db: Queryable, state: SyncState): Promise<void> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  await db.query(
    `INSERT INTO analytics_sync_state (stream, watermark, backfill_from, backfill_through, backfill_done, rules_version,
       last_error, last_error_at, last_success_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (stream) DO UPDATE SET watermark = EXCLUDED.watermark, backfill_from = EXCLUDED.backfill_from,
       backfill_through = EXCLUDED.backfill_through, backfill_done = EXCLUDED.backfill_done,
       rules_version = EXCLUDED.rules_version, last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at,
       last_success_at = EXCLUDED.last_success_at, updated_at = now()`,
    [
      state.stream,
      iso(state.watermark),
      iso(state.backfillFrom),
      iso(state.backfillThrough),
      state.backfillDone,
      state.rulesVersion,
      state.lastError,
      iso(state.lastErrorAt),
      iso(state.lastSuccessAt),
    ],
  );
}

const running = new WeakMap<Db, boolean>();

/**
 * Runs `fn` only if no other sync holds the lock: across replicas a PostgreSQL advisory lock (held by a transaction
 * that stays open while `fn` writes through other pooled connections), within this process a flag per database.
 * PGlite has one connection and one process, so the flag alone is the lock there. Returns whether `fn` ran.
 */
export async function withSyncLock(db: Db, fn: () => Promise<void>): Promise<boolean> {
  if (running.get(db)) return false;
  running.set(db, true);
  try {
    if (db.kind === "pglite") {
      await fn();
      return true;
    }
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtext('vbo-analytics-sync:' || coalesce(current_schema(), ''))) AS locked",
      );
      if (!rows[0]?.locked) return false;
      await fn();
      return true;
    });
  } finally {
    running.delete(db);
  }
}
