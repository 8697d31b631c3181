import type { Server } from "node:http";
import { type Db, migrate, openDb } from "@vbo/db";
import { createVerifoneClient } from "@vbo/verifone";
import type { Logger } from "pino";
import { type AnalyticsSync, createAnalyticsSync } from "./analytics/sync.ts";
import { createApp } from "./app.ts";
import { ensureDemoUsers } from "./auth/demoUsers.ts";
import { SessionCache } from "./auth/sessionCache.ts";
import { CoalescingCache } from "./coalescingCache.ts";
import type { IdentitySettings } from "./context.ts";
import type { TrustProxy } from "./env.ts";
import { scheduleHousekeeping } from "./housekeeping.ts";

export type ApiServerOptions = {
  port: number;
  host?: string;
  verifone: { baseUrl: string; userId: string; apiKey: string; timeoutMs?: number; readDeadlineMs?: number };
  upstream: "sandbox" | "verifone";
  /** PostgreSQL when `url` is set, else embedded PGlite in `dataDir` (or in memory). */
  database: { url?: string; dataDir?: string; memory?: boolean };
  log: Logger;
  webDist?: string;
  /** The analytics store's sync; it runs only with `sync: true` (main.ts), so tests start it themselves. */
  analytics?: {
    sync?: boolean;
    intervalSeconds?: number;
    backfillDays?: number;
    overlapSeconds?: number;
    /** The sync's clock: the upstream's time (a sandbox with a pinned SANDBOX_NOW runs its own). */
    now?: () => Date;
  };
  /** MFA_REQUIRED_ROLES and TOTP_ENCRYPTION_KEY (default: no role requires a factor, secrets stored unencrypted). */
  identity?: IdentitySettings;
  /** How often expired sessions, old idempotency records and sign-in attempts are purged (default hourly). */
  housekeepingMs?: number;
  /** The origin staff use (PUBLIC_URL); mutations must come from it. */
  publicUrl?: string;
  /** Which hops' X-Forwarded-* to believe (TRUST_PROXY); default loopback. */
  trustProxy?: TrustProxy;
};

export type RunningApi = { url: string; port: number; db: Db; analyticsSync: AnalyticsSync; close(): Promise<void> };

/** Opens and migrates the database, builds the dependencies and listens. Used by main.ts, tests and benchmarks. */
export async function startApi(options: ApiServerOptions): Promise<RunningApi> {
  const db = await openDb({
    databaseUrl: options.database.url,
    dataDir: options.database.dataDir,
    memory: options.database.memory,
    onPoolError: (err) => options.log.error({ err }, "database connection lost"),
  });
  await migrate(db);
  // Demo staff exist only when the sandbox is the upstream (CONTRACT.md §3).
  if (options.upstream === "sandbox") await ensureDemoUsers(db);

  const stopHousekeeping = scheduleHousekeeping(db, options.log, options.housekeepingMs);

  const verifone = createVerifoneClient({ ...options.verifone, logger: options.log });
  const backfillDays = options.analytics?.backfillDays ?? 400;
  const analyticsSync = createAnalyticsSync({
    db,
    verifone,
    log: options.log,
    intervalSeconds: options.analytics?.intervalSeconds ?? 60,
    backfillDays,
    overlapSeconds: options.analytics?.overlapSeconds ?? 1800,
    now: options.analytics?.now,
  });
  const app = createApp({
    verifone,
    upstream: options.upstream,
    db,
    log: options.log,
    counts: new CoalescingCache<number>(5_000),
    sessions: new SessionCache(),
    webDist: options.webDist,
    analytics: { backfillDays, now: options.analytics?.now },
    identity: options.identity,
    upstreamTimeoutMs: options.verifone.timeoutMs ?? 10_000,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host ?? "127.0.0.1", (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  if (options.analytics?.sync) analyticsSync.start();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    analyticsSync,
    close: async () => {
      await analyticsSync.stop();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      await stopHousekeeping();
      await db.close();
    },
  };
}
