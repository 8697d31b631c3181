import type { Queryable } from "./driver.ts";

/** A single sign-on started by a browser and not finished yet (migration 006). */
export interface OidcSignIn {
  state: string;
  /** SHA-256 (hex) of the random value in the browser's sign-in cookie. */
  browserHash: string;
  codeVerifier: string;
  nonce: string;
  /** Where to go once signed in (a path on this site), or null for the start page. */
  returnTo: string | null;
  expiresAt: Date;
}

export async function begin(db: Queryable, signIn: OidcSignIn): Promise<void> {
  await db.query(
    `INSERT INTO oidc_sign_in (state, browser_hash, code_verifier, nonce, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [signIn.state, signIn.browserHash, signIn.codeVerifier, signIn.nonce, signIn.returnTo, signIn.expiresAt],
  );
}

/**
 * Removes and returns the sign-in with this state when it has not expired; null otherwise. A state is taken once:
 * a second callback with it (a replay) finds nothing, also when two arrive at the same moment.
 */
export async function take(db: Queryable, state: string, now: Date = new Date()): Promise<OidcSignIn | null> {
  const { rows } = await db.query<{
    state: string;
    browser_hash: string;
    code_verifier: string;
    nonce: string;
    return_to: string | null;
    expires_at: Date;
  }>("DELETE FROM oidc_sign_in WHERE state = $1 RETURNING *", [state]);
  const row = rows[0];
  if (!row || row.expires_at.getTime() <= now.getTime()) return null;
  return {
    state: row.state,
    browserHash: row.browser_hash,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    returnTo: row.return_to,
    expiresAt: row.expires_at,
  };
}

/** Deletes the sign-ins that expired before `now`; returns how many. */
export async function purge(db: Queryable, now: Date = new Date()): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    "WITH gone AS (DELETE FROM oidc_sign_in WHERE expires_at < $1 RETURNING 1) SELECT count(*)::int AS count FROM gone",
    [now],
  );
  return rows[0]?.count ?? 0;
}
