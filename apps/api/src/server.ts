import type { Server } from "node:http";
import { createVerifoneClient, resolveBaseUrl } from "@vbo/verifone";
import type { Logger } from "pino";
import { createApp } from "./app.ts";
import { CoalescingCache } from "./coalescingCache.ts";

export type ApiServerOptions = {
  port: number;
  host?: string;
  verifone: { baseUrl: string; userId: string; apiKey: string; timeoutMs?: number };
  upstream: "sandbox" | "verifone";
  log: Logger;
  webDist?: string;
};

export type RunningApi = { url: string; port: number; close(): Promise<void> };

/** Builds the dependencies and listens. Used by main.ts, the integration tests and the benchmarks. */
export async function startApi(options: ApiServerOptions): Promise<RunningApi> {
  const verifone = createVerifoneClient({ ...options.verifone, logger: options.log });
  const app = createApp({
    verifone,
    upstream: options.upstream,
    log: options.log,
    counts: new CoalescingCache<number>(5_000),
    webDist: options.webDist,
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export { resolveBaseUrl };
