import type { Queryable } from "./driver.ts";

// Passkeys (WebAuthn credentials), several per user, and the single-use challenges of their ceremonies.

export interface Passkey {
  id: string;
  userId: string;
  name: string;
  publicKey: string;
  counter: number;
  transports: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

type Row = {
  id: string;
  user_id: string;
  name: string;
  public_key: string;
  counter: string;
  transports: string[];
  created_at: Date;
  last_used_at: Date | null;
};
const columns = "id, user_id, name, public_key, counter, transports, created_at, last_used_at";
const toPasskey = (r: Row): Passkey => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  publicKey: r.public_key,
  counter: Number(r.counter),
  transports: r.transports,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

export async function add(db: Queryable, passkey: Omit<Passkey, "createdAt" | "lastUsedAt">): Promise<Passkey> {
  const { rows } = await db.query<Row>(
    `INSERT INTO passkey (id, user_id, name, public_key, counter, transports) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${columns}`,
    [passkey.id, passkey.userId, passkey.name, passkey.publicKey, passkey.counter, passkey.transports],
  );
  return toPasskey(rows[0] as Row);
}

export async function listForUser(db: Queryable, userId: string): Promise<Passkey[]> {
  const { rows } = await db.query<Row>(`SELECT ${columns} FROM passkey WHERE user_id = $1 ORDER BY created_at`, [
    userId,
  ]);
  return rows.map(toPasskey);
}

export async function find(db: Queryable, id: string): Promise<Passkey | null> {
  const { rows } = await db.query<Row>(`SELECT ${columns} FROM passkey WHERE id = $1`, [id]);
  return rows[0] ? toPasskey(rows[0]) : null;
}

export async function countForUser(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM passkey WHERE user_id = $1", [userId]);
  return rows[0]?.n ?? 0;
}

/** After a successful assertion: the authenticator's new signature counter. */
export async function used(db: Queryable, id: string, counter: number, now: Date = new Date()): Promise<void> {
  await db.query("UPDATE passkey SET counter = $2, last_used_at = $3 WHERE id = $1", [id, counter, now]);
}

/** Removes one of the user's passkeys; false when the user has none with that id. */
export async function remove(db: Queryable, userId: string, id: string): Promise<boolean> {
  const { rows } = await db.query("DELETE FROM passkey WHERE id = $1 AND user_id = $2 RETURNING id", [id, userId]);
  return rows.length > 0;
}

export async function removeAllForUser(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query("DELETE FROM passkey WHERE user_id = $1 RETURNING id", [userId]);
  return rows.length;
}

export type ChallengePurpose = "register" | "sign-in" | "factor";

export async function saveChallenge(
  db: Queryable,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  ttlMs: number,
  now: Date = new Date(),
): Promise<void> {
  await db.query("INSERT INTO webauthn_challenge (challenge, purpose, user_id, expires_at) VALUES ($1, $2, $3, $4)", [
    challenge,
    purpose,
    userId,
    new Date(now.getTime() + ttlMs),
  ]);
}

/** Uses up a challenge: true once, when it was issued for this purpose (and user) and has not expired. */
export async function takeChallenge(
  db: Queryable,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  const { rows } = await db.query(
    `DELETE FROM webauthn_challenge WHERE challenge = $1 AND purpose = $2 AND user_id IS NOT DISTINCT FROM $3
     AND expires_at > $4 RETURNING challenge`,
    [challenge, purpose, userId, now],
  );
  return rows.length > 0;
}

export async function purgeChallenges(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query("DELETE FROM webauthn_challenge WHERE expires_at < $1 RETURNING challenge", [before]);
  return rows.length;
}
