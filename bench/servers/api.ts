// The real API in its own process against a given upstream: `tsx servers/api.ts <upstreamUrl>`; prints {"url"}.
// It runs the compiled API (apps/api/dist, `pnpm bench` builds it), as production does; the types are the sources'.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchCredentials } from "./credentials.ts";

const compiled = pathToFileURL(path.resolve(import.meta.dirname, "../../apps/api/dist/index.js")).href;
const { createLogger, startApi } = (await import(compiled)) as typeof import("@vbo/api");

const [upstream = ""] = process.argv.slice(2);
const api = await startApi({
  port: 0,
  host: "127.0.0.1",
  verifone: { baseUrl: upstream, ...benchCredentials },
  upstream: "sandbox",
  // PostgreSQL when given (the production shape); otherwise embedded PGlite in memory.
  database: process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { memory: true },
  log: createLogger(process.env.BENCH_LOG_LEVEL ?? "info"),
  webDist: undefined,
});
console.log(JSON.stringify({ url: api.url }));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
