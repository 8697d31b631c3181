import type { Queryable } from "./driver.ts";
import { inTransaction } from "./driver.ts";
import { oneRow } from "./oneRow.ts";

// Sign-in attempts, kept in the database so every API replica sees the same counts. An attempt is *reserved* (a row
// written) before the password is checked, under a lock per key, so concurrent guesses cannot all slip under a limit;
// a successful attempt then takes its rows back.

/** Throttle keys: per account, per client address, per (account, address) pair, and per account's second factor. */
export const loginAttemptKey = {
  email: (email: string) => `email:${email.trim().toLowerCase()}`,
  ip: (ip: string) => `ip:${ip}`,
  pair: (email: string, ip: string | null) => `pair:${email.trim().toLowerCase()}|${ip ?? "-"}`,
  factor: (userId: string) => `factor:${userId}`,
};

/** At most `max` attempts under `key` within `windowMs`; the next one is refused until the oldest leaves the window. */
export interface CountRule {
  key: string;
  windowMs: number;
  max: number;
}

/**
 * Up to `freeAttempts` attempts under `key` within `windowMs` go through at once; after that each needs
 * `delayMs(attemptsSoFar)` to have passed since the latest one: a growing delay, never a lock.
 */
export interface DelayRule {
  key: string;
  windowMs: number;
  freeAttempts: number;
  delayMs: (attemptsSoFar: number) => number;
}

export type Reservation = { ok: true; ids: string[] } | { ok: false; key: string; retryAt: Date };

/**
 * Checks every rule and, when all pass, records one attempt under each key — atomically: the keys are locked (in a
 * stable order, so two callers never deadlock) for the check and the insert. Refused attempts are not recorded.
 * `alsoRecord` keys are recorded with the others but not checked.
 */
export async function reserve(
  db: Queryable,
  rules: { counts: CountRule[]; delays?: DelayRule[]; alsoRecord?: string[] },
  now: Date = new Date(),
): Promise<Reservation> {
  const delays = rules.delays ?? [];
  const keys = [...new Set([...[...rules.counts, ...delays].map((r) => r.key), ...(rules.alsoRecord ?? [])])].sort();
  return inTransaction(db, async (tx) => {
    for (const key of keys) await tx.query("SELECT pg_advisory_xact_lock(hashtext('vbo-login:' || $1))", [key]);
    // No upper bound on `at`: a concurrent caller that read its clock after ours may have taken the lock first and
    // recorded an attempt dated just after our `now` — it still counts, or two callers could both pass the limit.
    for (const rule of rules.counts) {
      const { rows } = await tx.query<{ at: Date }>(
        "SELECT at FROM login_attempt WHERE key = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1",
        [rule.key, new Date(now.getTime() - rule.windowMs), rule.max - 1],
      );
      const row = rows[0];
      if (row) return { ok: false, key: rule.key, retryAt: new Date(row.at.getTime() + rule.windowMs) };
    }
    for (const rule of delays) {
      const recent = await countRecent(tx, rule.key, { windowMs: rule.windowMs, now, includeLater: true });
      if (recent.count < rule.freeAttempts || !recent.latestAt) continue;
      const retryAt = new Date(recent.latestAt.getTime() + rule.delayMs(recent.count));
      if (retryAt > now) return { ok: false, key: rule.key, retryAt };
    }
    const { rows } = await tx.query<{ id: string }>(
      "INSERT INTO login_attempt (key, at) SELECT k, $2 FROM unnest($1::text[]) AS k RETURNING id::text AS id",
      [keys, now],
    );
    return { ok: true, ids: rows.map((r) => r.id) };
  });
}

/** Takes back a reservation (the attempt succeeded: it is not a failure to count). */
export async function release(db: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query("DELETE FROM login_attempt WHERE id = ANY($1::bigint[])", [ids]);
}

/** Records one failed attempt under each key, without any check (e.g. a factor that was wrong). */
export async function recordFailure(db: Queryable, keys: string[], now: Date = new Date()): Promise<void> {
  if (keys.length === 0) return;
  await db.query("INSERT INTO login_attempt (key, at) SELECT k, $2 FROM unnest($1::text[]) AS k", [keys, now]);
}

/** Attempts under `key` within the last `windowMs`, with the oldest and the latest of them. */
export async function countRecent(
  db: Queryable,
  key: string,
  options: { windowMs: number; now?: Date; includeLater?: boolean },
): Promise<{ count: number; oldestAt: Date | null; latestAt: Date | null }> {
  const now = options.now ?? new Date();
  // `includeLater`: also attempts dated after `now` (recorded meanwhile by a caller whose clock read later).
  const { rows } = await db.query<{ count: number; oldest_at: Date | null; latest_at: Date | null }>(
    `SELECT count(*)::int AS count, min(at) AS oldest_at, max(at) AS latest_at FROM login_attempt
     WHERE key = $1 AND at > $2 AND ($4 OR at <= $3)`,
    [key, new Date(now.getTime() - options.windowMs), now, options.includeLater === true],
  );
  const row = oneRow(rows);
  return { count: row.count, oldestAt: row.oldest_at, latestAt: row.latest_at };
}

/** Forgets the attempts under `key` (after a successful sign-in, for the (account, address) pair). */
export async function clear(db: Queryable, key: string): Promise<void> {
  await db.query("DELETE FROM login_attempt WHERE key = $1", [key]);
}

/** Housekeeping: deletes attempts older than `before`; returns how many. */
export async function purge(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query("DELETE FROM login_attempt WHERE at < $1 RETURNING id", [before]);
  return rows.length;
}
