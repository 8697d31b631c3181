import { type Db, idempotency, loginAttempts, oidcSignIns, passkeys, sessions, trustedDevices } from "@vbo/db";
import type { Logger } from "pino";

const hour = 60 * 60_000;
const day = 24 * hour;

/** How long each kind of record is worth keeping after it stops mattering. */
export const retention = {
  /** Ended (expired or revoked) sessions: a day, for the odd support question. */
  sessionsMs: day,
  /** Idempotency keys: a retried refund within a week still gets its first answer. */
  idempotencyMs: 7 * day,
  /** Sign-in attempts: the longest throttle window is an hour. */
  loginAttemptsMs: day,
} as const;

export type Purged = {
  sessions: number;
  idempotencyRecords: number;
  loginAttempts: number;
  trustedDevices: number;
  webauthnChallenges: number;
  oidcSignIns: number;
};

/** Deletes what no longer matters. Safe on several replicas at once (plain DELETEs of old rows). */
export async function runHousekeeping(db: Db, now: Date = new Date()): Promise<Purged> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    sessions: await sessions.purge(db, before(retention.sessionsMs)),
    idempotencyRecords: await idempotency.purge(db, before(retention.idempotencyMs)),
    loginAttempts: await loginAttempts.purge(db, before(retention.loginAttemptsMs)),
    trustedDevices: await trustedDevices.purge(db, now),
    webauthnChallenges: await passkeys.purgeChallenges(db, now),
    oidcSignIns: await oidcSignIns.purge(db, now),
  };
}

/** Runs housekeeping now and then every `intervalMs` (default hourly); returns a stop function. */
export function scheduleHousekeeping(db: Db, log: Logger, intervalMs = hour): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = runHousekeeping(db)
      .then((purged) => log.info({ purged }, "housekeeping"))
      .catch((err: unknown) => log.warn({ err }, "housekeeping failed (will retry at the next run)"));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
