import type { Queryable } from "./driver.ts";
import { oneRow } from "./oneRow.ts";

// Failed sign-ins, kept in the database so every API replica sees the same counts.

/** Throttle keys: one per account, one per client address. */
export const loginAttemptKey = {
  email: (email: string) => `email:${email.trim().toLowerCase()}`,
  ip: (ip: string) => `ip:${ip}`,
};

/** Records one failed sign-in under each key (e.g. the account's and the address's). */
export async function recordFailure(db: Queryable, keys: string[], now: Date = new Date()): Promise<void> {
  if (keys.length === 0) return;
  await db.query("INSERT INTO login_attempt (key, at) SELECT k, $2 FROM unnest($1::text[]) AS k", [keys, now]);
}

/**
 * Failures under `key` within the last `windowMs`, and the oldest of them: it leaves the window at
 * `oldestAt + windowMs`, which tells the caller how long to say "try again in N s".
 */
export async function countRecent(
  db: Queryable,
  key: string,
  options: { windowMs: number; now?: Date },
): Promise<{ count: number; oldestAt: Date | null }> {
  const now = options.now ?? new Date();
  const { rows } = await db.query<{ count: number; oldest_at: Date | null }>(
    "SELECT count(*)::int AS count, min(at) AS oldest_at FROM login_attempt WHERE key = $1 AND at > $2 AND at <= $3",
    [key, new Date(now.getTime() - options.windowMs), now],
  );
  const row = oneRow(rows);
  return { count: row.count, oldestAt: row.oldest_at };
}

/**
 * When `key` may try again: the moment its failures within `windowMs` drop below `max`, i.e. when the max-th most
 * recent one leaves the window. Null when it has fewer than `max` failures now.
 */
export async function blockedUntil(
  db: Queryable,
  key: string,
  options: { windowMs: number; max: number; now?: Date },
): Promise<Date | null> {
  const now = options.now ?? new Date();
  const { rows } = await db.query<{ at: Date }>(
    "SELECT at FROM login_attempt WHERE key = $1 AND at > $2 AND at <= $3 ORDER BY at DESC OFFSET $4 LIMIT 1",
    [key, new Date(now.getTime() - options.windowMs), now, options.max - 1],
  );
  const row = rows[0];
  return row ? new Date(row.at.getTime() + options.windowMs) : null;
}

/** Forgets the failures under `key` (after a successful sign-in, for the account's key). */
export async function clear(db: Queryable, key: string): Promise<void> {
  await db.query("DELETE FROM login_attempt WHERE key = $1", [key]);
}

/** Housekeeping: deletes attempts older than `before`; returns how many. */
export async function purge(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query("DELETE FROM login_attempt WHERE at < $1 RETURNING id", [before]);
  return rows.length;
}
