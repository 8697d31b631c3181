import { TRPCError } from "@trpc/server";
import { loginAttempts, type Queryable } from "@vbo/db";

// OWASP ASVS 2.2.1 without a lock-out of the real owner:
// - per (account, address) pair: 5 attempts per 15 minutes, strictly (the guesser's own pair, nobody else's);
// - per address: 50 per 15 minutes, whatever the accounts (one address trying many accounts);
// - per account: 10 attempts per hour from anywhere go through; after that each next one waits a delay that doubles
//   (1 s, 2 s, 4 s … at most 60 s) — slow enough that a distributed guesser gets < 100 tries an hour, and never a lock.
//   A browser this account signed in from before (its trusted-device cookie) skips the account's delay, so the owner
//   is not kept out by someone else's guesses.
// Every attempt is reserved before the password is checked, atomically, so concurrent guesses cannot overrun a limit;
// a successful one is taken back.
const minute = 60_000;
export const throttleLimits = {
  pair: { windowMs: 15 * minute, max: 5 },
  ip: { windowMs: 15 * minute, max: 50 },
  account: { windowMs: 60 * minute, freeAttempts: 10, maxDelayMs: 60_000 },
  factor: { windowMs: 15 * minute, max: 10 },
  /** Password-less sign-in challenges handed out per address (each is a row until it expires). */
  passkeyChallenge: { windowMs: 15 * minute, max: 100 },
  /**
   * Single sign-ons started per address (each is a row until it is finished or expires); generous, as a whole office
   * behind one NAT address signs in through the provider in the morning.
   */
  ssoStart: { windowMs: 15 * minute, max: 600 },
} as const;

export function accountDelayMs(attemptsSoFar: number): number {
  const over = attemptsSoFar - throttleLimits.account.freeAttempts;
  return Math.min(1000 * 2 ** Math.max(0, over), throttleLimits.account.maxDelayMs);
}

export type Attempt = { ids: string[]; email: string; ip: string | null };

/** Reserves one password attempt, or refuses with "try again in N s". */
export async function reservePasswordAttempt(
  db: Queryable,
  email: string,
  ip: string | null,
  options: { trustedDevice: boolean; now?: Date },
): Promise<Attempt> {
  const key = loginAttempts.loginAttemptKey;
  const counts: loginAttempts.CountRule[] = [{ key: key.pair(email, ip), ...throttleLimits.pair }];
  if (ip) counts.push({ key: key.ip(ip), ...throttleLimits.ip });
  const account = { key: key.email(email), windowMs: throttleLimits.account.windowMs };
  const delays = options.trustedDevice
    ? []
    : [{ ...account, freeAttempts: throttleLimits.account.freeAttempts, delayMs: accountDelayMs }];
  const now = options.now ?? new Date();
  // A trusted device's attempt still counts against the account: recorded, just not delayed.
  const alsoRecord = options.trustedDevice ? [account.key] : [];
  const reservation = await loginAttempts.reserve(db, { counts, delays, alsoRecord }, now);
  if (!reservation.ok) refuse(reservation.retryAt, now);
  return { ids: reservation.ids, email, ip };
}

/** The password was right: the attempt is not a failure, and the pair's earlier failures are forgiven. */
export async function passwordAccepted(db: Queryable, attempt: Attempt): Promise<void> {
  await loginAttempts.release(db, attempt.ids);
  await loginAttempts.clear(db, loginAttempts.loginAttemptKey.pair(attempt.email, attempt.ip));
}

/** Reserves one second-factor attempt for the user (10 per 15 minutes; only someone with the password gets here). */
export async function reserveFactorAttempt(db: Queryable, userId: string, now = new Date()): Promise<string[]> {
  const counts = [{ key: loginAttempts.loginAttemptKey.factor(userId), ...throttleLimits.factor }];
  const reservation = await loginAttempts.reserve(db, { counts }, now);
  if (!reservation.ok) refuse(reservation.retryAt, now);
  return reservation.ids;
}

/** Bounds the password-less sign-in challenges one address can ask for (anyone may ask, so each one is counted). */
export async function reservePasskeyChallenge(db: Queryable, ip: string | null, now = new Date()): Promise<void> {
  const counts = [{ key: `passkey-challenge:${ip ?? "-"}`, ...throttleLimits.passkeyChallenge }];
  const reservation = await loginAttempts.reserve(db, { counts }, now);
  if (!reservation.ok) refuse(reservation.retryAt, now);
}

/** Counts one single sign-on started from `ip`; false when the address has started too many. */
export async function reserveSsoStart(db: Queryable, ip: string | null, now = new Date()): Promise<boolean> {
  const counts = [{ key: `sso-start:${ip ?? "-"}`, ...throttleLimits.ssoStart }];
  return (await loginAttempts.reserve(db, { counts }, now)).ok;
}

export async function factorAccepted(db: Queryable, ids: string[]): Promise<void> {
  await loginAttempts.release(db, ids);
}

function refuse(retryAt: Date, now: Date): never {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  throw new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: `Too many failed sign-ins. Try again in ${seconds} s.`,
  });
}
