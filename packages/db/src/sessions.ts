import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "./driver.ts";
import { oneRow } from "./oneRow.ts";
import { type StaffUser, toStaffUser } from "./users.ts";

/** What a session is still good for when the sign-in is not complete (see migration 003). */
export const sessionRestrictions = ["mfa", "change-password", "enrol-mfa"] as const;
export type SessionRestriction = (typeof sessionRestrictions)[number];

export interface SessionInfo {
  /** SHA-256 (hex) of the token: safe to log, useless as a credential. */
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  restriction: SessionRestriction | null;
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  ip: string | null;
  userAgent: string | null;
  /** Absolute lifetime, whatever the activity (e.g. 12 h). */
  absoluteTtlMs: number;
  /** A session that may only finish signing in (default: none, a full session). */
  restriction?: SessionRestriction | null;
  now?: Date;
}

export interface ValidateOptions {
  /** Idle lifetime: a session not seen for this long is expired (e.g. 30 min). */
  idleMs: number;
  /**
   * last_seen_at is written only when older than this, so most requests cost one read and no write (default 60 s).
   * The idle window therefore slides in steps of this size.
   */
  touchAfterMs?: number;
  now?: Date;
}

/** Hash under which a token is stored. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session and returns the raw token — the only time it exists outside the browser's cookie. */
export async function create(
  db: Queryable,
  userId: string,
  options: NewSession,
): Promise<{ token: string; session: SessionInfo }> {
  const token = randomBytes(32).toString("base64url");
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + options.absoluteTtlMs);
  const { rows } = await db.query<SessionRow>(
    `INSERT INTO session (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent, restriction)
     VALUES ($1, $2, $3, $3, $4, $5, $6, $7) RETURNING ${sessionColumns}`,
    [sessionIdOf(token), userId, now, expiresAt, options.ip, options.userAgent, options.restriction ?? null],
  );
  return { token, session: toSessionInfo(oneRow(rows)) };
}

/**
 * The session's user when the token names a session that is not revoked, not past its absolute expiry, not idle for
 * `idleMs`, and whose user is not disabled; null otherwise. Marks the session as seen.
 */
export async function validate(
  db: Queryable,
  token: string,
  options: ValidateOptions,
): Promise<{ user: StaffUser; session: SessionInfo } | null> {
  if (!token) return null;
  const now = options.now ?? new Date();
  const { rows } = await db.query<SessionRow & UserRowForSession>(
    `SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.restriction, s.ip, s.user_agent,
            u.email, u.name, u.role, u.disabled_at, u.created_at AS user_created_at, u.updated_at AS user_updated_at,
            u.must_change_password, u.last_sign_in_at
     FROM session s JOIN staff_user u ON u.id = s.user_id
     WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3
       AND u.disabled_at IS NULL`,
    [sessionIdOf(token), now, new Date(now.getTime() - options.idleMs)],
  );
  const row = rows[0];
  if (!row) return null;
  const session = toSessionInfo(row);
  if (now.getTime() - session.lastSeenAt.getTime() >= (options.touchAfterMs ?? 60_000)) {
    await db.query("UPDATE session SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2", [session.id, now]);
    session.lastSeenAt = now;
  }
  const user = toStaffUser({
    id: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled_at: row.disabled_at,
    created_at: row.user_created_at,
    updated_at: row.user_updated_at,
    must_change_password: row.must_change_password,
    last_sign_in_at: row.last_sign_in_at,
  });
  return { user, session };
}

/** Signs one session out; false when it was unknown or already revoked. */
export async function revoke(db: Queryable, token: string, now: Date = new Date()): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    "UPDATE session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id",
    [sessionIdOf(token), now],
  );
  return rows.length > 0;
}

/** Signs a user out everywhere; returns how many sessions were still open. */
export async function revokeAllForUser(db: Queryable, userId: string, now: Date = new Date()): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    "UPDATE session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id",
    [userId, now],
  );
  return rows.length;
}

/** Signs a user out everywhere but the session `keepId` (the one asking); returns how many were ended. */
export async function revokeOthers(db: Queryable, userId: string, keepId: string, now: Date = new Date()) {
  const { rows } = await db.query<{ id: string }>(
    "UPDATE session SET revoked_at = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id",
    [userId, keepId, now],
  );
  return rows.length;
}

/** Moves a session to its next step of signing in (null: fully signed in). */
export async function setRestriction(db: Queryable, id: string, restriction: SessionRestriction | null) {
  await db.query("UPDATE session SET restriction = $2 WHERE id = $1", [id, restriction]);
}

/** The user's open sessions (not revoked, not expired, not idle), most recently seen first. */
export async function listOpen(
  db: Queryable,
  userId: string,
  options: { idleMs: number; now?: Date },
): Promise<SessionInfo[]> {
  const now = options.now ?? new Date();
  const { rows } = await db.query<SessionRow>(
    `SELECT ${sessionColumns} FROM session
     WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3
     ORDER BY last_seen_at DESC, created_at DESC`,
    [userId, now, new Date(now.getTime() - options.idleMs)],
  );
  return rows.map(toSessionInfo);
}

/** Deletes sessions past their absolute expiry or revoked before `before` (housekeeping); returns how many. */
export async function purge(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    "DELETE FROM session WHERE expires_at < $1 OR revoked_at < $1 RETURNING id",
    [before],
  );
  return rows.length;
}

const sessionColumns = "id, user_id, created_at, last_seen_at, expires_at, restriction, ip, user_agent";

interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  restriction: SessionRestriction | null;
  ip: string | null;
  user_agent: string | null;
}

interface UserRowForSession {
  email: string;
  name: string;
  role: StaffUser["role"];
  disabled_at: Date | null;
  user_created_at: Date;
  user_updated_at: Date;
  must_change_password: boolean;
  last_sign_in_at: Date | null;
}

function toSessionInfo(row: SessionRow): SessionInfo {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    restriction: row.restriction,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}
