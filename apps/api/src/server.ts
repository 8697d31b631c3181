import type { Server } from "node:http";
import { type Db, migrate, openDb } from "@vbo/db";
import { createVerifoneClient } from "@vbo/verifone";
import type { Logger } from "pino";
import { createApp } from "./app.ts";
import { ensureDemoUsers } from "./auth/demoUsers.ts";
import { SessionCache } from "./auth/sessionCache.ts";
import { CoalescingCache } from "./coalescingCache.ts";
import type { TrustProxy } from "./env.ts";

export type ApiServerOptions = {
  port: number;
  host?: string;
  verifone: { baseUrl: string; userId: string; apiKey: string; timeoutMs?: number; readDeadlineMs?: number };
  upstream: "sandbox" | "verifone";
  /** PostgreSQL when `url` is set, else embedded PGlite in `dataDir` (or in memory). */
  database: { url?: string; dataDir?: string; memory?: boolean };
  log: Logger;
  webDist?: string;
  /** The origin staff use (PUBLIC_URL); mutations must come from it. */
  publicUrl?: string;
  /** Which hops' X-Forwarded-* to believe (TRUST_PROXY); default loopback. */
  trustProxy?: TrustProxy;
};

export type RunningApi = { url: string; port: number; db: Db; close(): Promise<void> };

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

  const verifone = createVerifoneClient({ ...options.verifone, logger: options.log });
  const app = createApp({
    verifone,
    upstream: options.upstream,
    db,
    log: options.log,
    counts: new CoalescingCache<number>(5_000),
    sessions: new SessionCache(),
    webDist: options.webDist,
    upstreamTimeoutMs: options.verifone.timeoutMs ?? 10_000,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host ?? "127.0.0.1", (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}
