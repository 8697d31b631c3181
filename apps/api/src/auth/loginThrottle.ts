import { TRPCError } from "@trpc/server";
import { loginAttempts, type Queryable } from "@vbo/db";

// Per account: 5 failures in 15 minutes; per address: 30 in 15 minutes. Counted in the database (all replicas).
const windowMs = 15 * 60_000;
const limits = { email: 5, ip: 30 } as const;

function keysOf(email: string, ip: string | null) {
  const keys: { key: string; max: number }[] = [{ key: loginAttempts.loginAttemptKey.email(email), max: limits.email }];
  if (ip) keys.push({ key: loginAttempts.loginAttemptKey.ip(ip), max: limits.ip });
  return keys;
}

/** Refuses with "try again in N s" while either the account or the address is over its limit. */
export async function refuseIfThrottled(db: Queryable, email: string, ip: string | null, now = new Date()) {
  for (const { key, max } of keysOf(email, ip)) {
    const until = await loginAttempts.blockedUntil(db, key, { windowMs, max, now });
    if (until && until > now) {
      const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `Too many failed sign-ins. Try again in ${seconds} s.`,
      });
    }
  }
}

export async function recordFailedLogin(db: Queryable, email: string, ip: string | null) {
  await loginAttempts.recordFailure(
    db,
    keysOf(email, ip).map((k) => k.key),
  );
}

export async function clearFailedLogins(db: Queryable, email: string) {
  await loginAttempts.clear(db, loginAttempts.loginAttemptKey.email(email));
}
