import { createHash } from "node:crypto";
import type { Queryable } from "./driver.ts";
import { inTransaction } from "./driver.ts";

// TOTP factors (one per user) and their recovery codes. The secret arrives encrypted: this module never sees it plain.

export interface TotpFactor {
  userId: string;
  /** As the API stored it (encrypted). */
  secret: string;
  confirmed: boolean;
  lastStep: number;
}

/** Starts (or restarts) an enrolment: an unconfirmed factor replaces any earlier unconfirmed one. */
export async function begin(db: Queryable, userId: string, secret: string): Promise<void> {
  await db.query(
    `INSERT INTO totp_factor (user_id, secret) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, last_step = 0, created_at = now()
     WHERE totp_factor.confirmed_at IS NULL`,
    [userId, secret],
  );
}

export async function find(db: Queryable, userId: string): Promise<TotpFactor | null> {
  const { rows } = await db.query<{ user_id: string; secret: string; confirmed_at: Date | null; last_step: string }>(
    "SELECT user_id, secret, confirmed_at, last_step FROM totp_factor WHERE user_id = $1",
    [userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.user_id,
    secret: row.secret,
    confirmed: row.confirmed_at !== null,
    lastStep: Number(row.last_step),
  };
}

/**
 * Accepts the code of time step `step` once: true only when it is later than the last accepted one (atomically, so
 * two concurrent requests with one code cannot both pass).
 */
export async function useStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const { rows } = await db.query(
    "UPDATE totp_factor SET last_step = $2 WHERE user_id = $1 AND last_step < $2 RETURNING user_id",
    [userId, step],
  );
  return rows.length > 0;
}

/** Confirms the pending factor and replaces the recovery codes (hashes of them) in one transaction. */
export async function confirm(db: Queryable, userId: string, recoveryCodes: string[], now: Date = new Date()) {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query(
      "UPDATE totp_factor SET confirmed_at = $2 WHERE user_id = $1 AND confirmed_at IS NULL RETURNING user_id",
      [userId, now],
    );
    if (rows.length === 0) return false;
    await tx.query("DELETE FROM recovery_code WHERE user_id = $1", [userId]);
    await tx.query("INSERT INTO recovery_code (user_id, code_hash) SELECT $1, h FROM unnest($2::text[]) AS h", [
      userId,
      recoveryCodes.map(hashRecoveryCode),
    ]);
    return true;
  });
}

/** Uses one recovery code; false when it is unknown or was used before. */
export async function useRecoveryCode(db: Queryable, userId: string, code: string, now: Date = new Date()) {
  const { rows } = await db.query(
    "UPDATE recovery_code SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id",
    [userId, hashRecoveryCode(code), now],
  );
  return rows.length > 0;
}

export async function remainingRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM recovery_code WHERE user_id = $1 AND used_at IS NULL",
    [userId],
  );
  return rows[0]?.count ?? 0;
}

/** Removes the factor and its recovery codes; true when there was one. */
export async function remove(db: Queryable, userId: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await tx.query("DELETE FROM recovery_code WHERE user_id = $1", [userId]);
    const { rows } = await tx.query("DELETE FROM totp_factor WHERE user_id = $1 RETURNING user_id", [userId]);
    return rows.length > 0;
  });
}

/** Recovery codes are random (60 bits) and single-use: a plain SHA-256 is enough; spacing and case do not matter. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");
}

/** Users with a confirmed authenticator (for the Users page). */
export async function enrolledUserIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ user_id: string }>(
    "SELECT user_id FROM totp_factor WHERE confirmed_at IS NOT NULL",
  );
  return rows.map((r) => r.user_id);
}
