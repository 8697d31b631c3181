import type { Queryable } from "./driver.ts";
import { inTransaction } from "./driver.ts";
import { ConflictError, isUniqueViolation } from "./errors.ts";
import { oneRow } from "./oneRow.ts";
import { isUuid } from "./uuid.ts";

export const staffRoles = ["operations", "support", "manager", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Signed in with a temporary password an admin set: it must be changed before anything else. */
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
}

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  /** Already hashed by the caller (the API owns the KDF). */
  passwordHash: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  must_change_password: boolean;
  last_sign_in_at: Date | null;
}

/** Never includes password_hash: only findCredentialsByEmail reads it. */
export const userColumns =
  "id, email, name, role, disabled_at, created_at, updated_at, must_change_password, last_sign_in_at";

export function toStaffUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mustChangePassword: row.must_change_password,
    lastSignInAt: row.last_sign_in_at,
  };
}

/** Emails compare case-insensitively: they are stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function create(db: Queryable, user: NewStaffUser): Promise<StaffUser> {
  const email = normalizeEmail(user.email);
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING ${userColumns}`,
      [email, user.name, user.role, user.passwordHash],
    );
    return toStaffUser(oneRow(rows));
  } catch (error) {
    if (isUniqueViolation(error, "staff_user_email_key")) {
      throw new ConflictError("email", `a staff user with email ${email} already exists`);
    }
    throw error;
  }
}

export async function findById(db: Queryable, id: string): Promise<StaffUser | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<UserRow>(`SELECT ${userColumns} FROM staff_user WHERE id = $1`, [id]);
  return rows[0] ? toStaffUser(rows[0]) : null;
}

export async function findByEmail(db: Queryable, email: string): Promise<StaffUser | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${userColumns} FROM staff_user WHERE email = $1`, [
    normalizeEmail(email),
  ]);
  return rows[0] ? toStaffUser(rows[0]) : null;
}

/**
 * For sign-in only: the user (disabled ones too — the caller refuses them) with the stored password hash (null for a
 * user created by single sign-on, who has no password).
 */
export async function findCredentialsByEmail(
  db: Queryable,
  email: string,
): Promise<{ user: StaffUser; passwordHash: string | null } | null> {
  const { rows } = await db.query<UserRow & { password_hash: string | null }>(
    `SELECT ${userColumns}, password_hash FROM staff_user WHERE email = $1`,
    [normalizeEmail(email)],
  );
  const row = rows[0];
  return row ? { user: toStaffUser(row), passwordHash: row.password_hash } : null;
}

/** Every user, disabled ones included, by email. */
export async function list(db: Queryable): Promise<StaffUser[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${userColumns} FROM staff_user ORDER BY email`);
  return rows.map(toStaffUser);
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ count: number }>("SELECT count(*)::int AS count FROM staff_user");
  return oneRow(rows).count;
}

/** The updated user, or null when there is no such user. */
export async function setRole(db: Queryable, id: string, role: StaffRole): Promise<StaffUser | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<UserRow>(
    `UPDATE staff_user SET role = $2, updated_at = now() WHERE id = $1 RETURNING ${userColumns}`,
    [id, role],
  );
  return rows[0] ? toStaffUser(rows[0]) : null;
}

/** Disables the user and revokes all their sessions in one transaction; null when there is no such user. */
export async function disable(db: Queryable, id: string, now: Date = new Date()): Promise<StaffUser | null> {
  if (!isUuid(id)) return null;
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<UserRow>(
      `UPDATE staff_user SET disabled_at = coalesce(disabled_at, $2), updated_at = $2 WHERE id = $1
       RETURNING ${userColumns}`,
      [id, now],
    );
    if (!rows[0]) return null;
    await tx.query("UPDATE session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL", [id, now]);
    return toStaffUser(rows[0]);
  });
}

/** Re-enables a disabled user; null when there is no such user. */
export async function enable(db: Queryable, id: string, now: Date = new Date()): Promise<StaffUser | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<UserRow>(
    `UPDATE staff_user SET disabled_at = NULL, updated_at = $2 WHERE id = $1 RETURNING ${userColumns}`,
    [id, now],
  );
  return rows[0] ? toStaffUser(rows[0]) : null;
}

/**
 * Sets a new password hash. `mustChange` marks it temporary (an admin's reset): the next sign-in must replace it.
 * Null when there is no such user.
 */
export async function setPassword(
  db: Queryable,
  id: string,
  passwordHash: string,
  options: { mustChange: boolean; now?: Date },
): Promise<StaffUser | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<UserRow>(
    `UPDATE staff_user SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1
     RETURNING ${userColumns}`,
    [id, passwordHash, options.mustChange, options.now ?? new Date()],
  );
  return rows[0] ? toStaffUser(rows[0]) : null;
}

/** The stored password hash of a user (to check the current password before a change). */
export async function passwordHashOf(db: Queryable, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<{ password_hash: string }>("SELECT password_hash FROM staff_user WHERE id = $1", [
    id,
  ]);
  return rows[0]?.password_hash ?? null;
}

export async function recordSignIn(db: Queryable, id: string, now: Date = new Date()): Promise<void> {
  await db.query("UPDATE staff_user SET last_sign_in_at = $2 WHERE id = $1", [id, now]);
}

/** An identity-provider account: the issuer's identifier and the subject (`sub`) it gave the user. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
}

/** The user linked to this identity-provider account (disabled ones too — the caller refuses them). */
export async function findByOidcIdentity(db: Queryable, identity: OidcIdentity): Promise<StaffUser | null> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${userColumns} FROM staff_user WHERE oidc_issuer = $1 AND oidc_subject = $2`,
    [identity.issuer, identity.subject],
  );
  return rows[0] ? toStaffUser(rows[0]) : null;
}

/** The identity-provider account a user is linked to, or null (not linked, or no such user). */
export async function oidcIdentityOf(db: Queryable, id: string): Promise<OidcIdentity | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<{ oidc_issuer: string | null; oidc_subject: string | null }>(
    "SELECT oidc_issuer, oidc_subject FROM staff_user WHERE id = $1",
    [id],
  );
  const row = rows[0];
  return row?.oidc_issuer && row.oidc_subject ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null;
}

/** A user created by their first single sign-on: linked to the identity-provider account, without a password. */
export async function createFromSso(
  db: Queryable,
  user: Omit<NewStaffUser, "passwordHash"> & { identity: OidcIdentity },
): Promise<StaffUser> {
  const email = normalizeEmail(user.email);
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO staff_user (email, name, role, password_hash, oidc_issuer, oidc_subject)
       VALUES ($1, $2, $3, NULL, $4, $5) RETURNING ${userColumns}`,
      [email, user.name, user.role, user.identity.issuer, user.identity.subject],
    );
    return toStaffUser(oneRow(rows));
  } catch (error) {
    if (isUniqueViolation(error, "staff_user_email_key")) {
      throw new ConflictError("email", `a staff user with email ${email} already exists`);
    }
    if (isUniqueViolation(error, "staff_user_oidc_identity_key")) {
      throw new ConflictError("identity", "this identity-provider account is already linked to a staff user");
    }
    throw error;
  }
}

/**
 * Links an existing user (found by email) to an identity-provider account, only when they are not linked yet.
 * Null when the user is linked already (to any account) or does not exist.
 */
export async function linkOidcIdentity(db: Queryable, id: string, identity: OidcIdentity): Promise<StaffUser | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<UserRow>(
    `UPDATE staff_user SET oidc_issuer = $2, oidc_subject = $3, updated_at = now()
     WHERE id = $1 AND oidc_issuer IS NULL AND oidc_subject IS NULL RETURNING ${userColumns}`,
    [id, identity.issuer, identity.subject],
  );
  return rows[0] ? toStaffUser(rows[0]) : null;
}
