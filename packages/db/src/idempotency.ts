import type { Queryable } from "./driver.ts";
import { inTransaction } from "./driver.ts";
import { isUuid } from "./uuid.ts";

export interface BeginRequest {
  /** The client's idempotency key (a UUID); also sent upstream as x-vfi-api-idempotencykey. */
  key: string;
  actorId: string;
  action: string;
  target: string;
  /** A hash of the request (action, target, input) computed by the caller. */
  requestHash: string;
  /**
   * An `in_flight` record older than this is taken over as `new` (its process probably died mid-call). Safe only
   * because the upstream call carries the same key. Default: never.
   */
  retakeInFlightAfterMs?: number;
  now?: Date;
}

export type BeginResult =
  /**
   * Go ahead: this caller owns the key until complete() or fail(). Also returned when retrying a failed (or stale
   * in-flight) attempt; then `previousError` is what fail() stored for it (null for a stale in-flight one).
   */
  | {
      state: "new";
      previousError?: string | null;
      /** Taking over a stale in-flight attempt: what recordAttempt() stored for it, to resend unchanged. */
      resumedAttempt?: unknown;
    }
  /** Another request with this key is still running. */
  | { state: "in_flight" }
  /** Already done: answer with the stored response, do not call upstream again. */
  | { state: "completed"; response: unknown; upstreamStatus: number | null }
  /** The key was used for a different request (or by another actor). */
  | { state: "conflict" };

/**
 * Claims `key` for one request. Atomic: INSERT … ON CONFLICT DO NOTHING, then the existing row read FOR UPDATE in
 * the same transaction, so two concurrent begins with one key never both get "new".
 */
export async function begin(db: Queryable, request: BeginRequest): Promise<BeginResult> {
  if (!isUuid(request.key)) throw new RangeError("idempotencyKey must be a UUID");
  const now = request.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO idempotency_record (key, actor_id, action, target, request_hash, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'in_flight', $6, $6) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [request.key, request.actorId, request.action, request.target, request.requestHash, now],
    );
    if (inserted.rows.length > 0) return { state: "new" };

    const { rows } = await tx.query<RecordRow>(
      `SELECT actor_id, action, target, request_hash, state, response, upstream_status, error, attempt, updated_at
       FROM idempotency_record WHERE key = $1 FOR UPDATE`,
      [request.key],
    );
    const row = rows[0];
    if (!row) throw new Error(`idempotency record ${request.key} vanished while being read`);
    const sameRequest =
      row.actor_id === request.actorId &&
      row.action === request.action &&
      row.target === request.target &&
      row.request_hash === request.requestHash;
    if (!sameRequest) return { state: "conflict" };
    if (row.state === "completed") {
      return { state: "completed", response: row.response, upstreamStatus: row.upstream_status };
    }
    const stale =
      request.retakeInFlightAfterMs !== undefined &&
      now.getTime() - row.updated_at.getTime() >= request.retakeInFlightAfterMs;
    if (row.state === "in_flight" && !stale) return { state: "in_flight" };
    await tx.query(
      `UPDATE idempotency_record SET state = 'in_flight', response = NULL, upstream_status = NULL, error = NULL,
       updated_at = $2 WHERE key = $1`,
      [request.key, now],
    );
    if (row.state === "in_flight") return { state: "new", previousError: null, resumedAttempt: row.attempt ?? null };
    return { state: "new", previousError: row.error ?? null };
  });
}

/** Stores what is about to be sent upstream for an in-flight key (see BeginResult's resumedAttempt). */
export async function recordAttempt(db: Queryable, key: string, attempt: unknown): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE idempotency_record SET attempt = $2::text::jsonb WHERE key = $1 AND state = 'in_flight' RETURNING key`,
    [key, JSON.stringify(attempt)],
  );
  return rows.length > 0;
}

/** Stores the outcome to replay; false when the key is not in flight (unknown, or already finished). */
export async function complete(
  db: Queryable,
  key: string,
  response: unknown,
  upstreamStatus: number | null,
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE idempotency_record SET state = 'completed', response = $2::text::jsonb, upstream_status = $3,
     updated_at = now() WHERE key = $1 AND state = 'in_flight' RETURNING key`,
    [key, response === undefined ? null : JSON.stringify(response), upstreamStatus],
  );
  return rows.length > 0;
}

/** Marks the attempt failed: the next begin() with the same request may try again. */
export async function fail(
  db: Queryable,
  key: string,
  failure: { error: string; upstreamStatus: number | null },
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE idempotency_record SET state = 'failed', error = $2, upstream_status = $3, updated_at = now()
     WHERE key = $1 AND state = 'in_flight' RETURNING key`,
    [key, failure.error, failure.upstreamStatus],
  );
  return rows.length > 0;
}

/** Housekeeping: deletes records created before `before`; returns how many. */
export async function purge(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query("DELETE FROM idempotency_record WHERE created_at < $1 RETURNING key", [before]);
  return rows.length;
}

interface RecordRow {
  actor_id: string;
  action: string;
  target: string;
  request_hash: string;
  state: "in_flight" | "completed" | "failed";
  response: unknown;
  upstream_status: number | null;
  error: string | null;
  attempt: unknown;
  updated_at: Date;
}
