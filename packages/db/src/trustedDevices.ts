import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "./driver.ts";

// A browser that completed a sign-in to an account: it skips that account's growing sign-in delay.

const idOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Remembers the browser for `ttlMs`; returns the raw token for its cookie (stored only as a hash). */
export async function create(db: Queryable, userId: string, ttlMs: number, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.query("INSERT INTO trusted_device (id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)", [
    idOf(token),
    userId,
    now,
    new Date(now.getTime() + ttlMs),
  ]);
  return token;
}

export async function isTrusted(db: Queryable, userId: string, token: string, now: Date = new Date()) {
  if (!token) return false;
  const { rows } = await db.query("SELECT 1 FROM trusted_device WHERE id = $1 AND user_id = $2 AND expires_at > $3", [
    idOf(token),
    userId,
    now,
  ]);
  return rows.length > 0;
}

/** Forgets every device of the user (password reset by an admin, factors reset). */
export async function forgetUser(db: Queryable, userId: string): Promise<void> {
  await db.query("DELETE FROM trusted_device WHERE user_id = $1", [userId]);
}

export async function purge(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query("DELETE FROM trusted_device WHERE expires_at < $1 RETURNING id", [before]);
  return rows.length;
}
