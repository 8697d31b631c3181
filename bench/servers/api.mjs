// The real API in its own process against a given upstream: `node servers/api.mjs <upstreamUrl>`; prints {"url"}.
// It runs the compiled API (apps/api/dist, `pnpm bench` builds it; BENCH_API_DIST points at another build) with
// plain Node, as production does: no TypeScript loader, which alone would add ~100 MB of resident memory.
import path from "node:path";
import { pathToFileURL } from "node:url";

const dist = process.env.BENCH_API_DIST ?? path.resolve(import.meta.dirname, "../../apps/api/dist");
/** @type {typeof import("@vbo/api")} */
const { createLogger, startApi } = await import(pathToFileURL(path.join(dist, "index.js")).href);

// The same credentials as servers/credentials.ts (the sandbox's).
const benchCredentials = { userId: "bench-user", apiKey: "bench-key-0123456789" };
const [upstream = ""] = process.argv.slice(2);
/** A clock that starts at `instant` and runs at real speed, like the sandbox's. */
function clockFrom(instant) {
  const offsetMs = Date.parse(instant) - Date.now();
  return () => new Date(Date.now() + offsetMs);
}
const api = await startApi({
  port: 0,
  host: "127.0.0.1",
  verifone: { baseUrl: upstream, ...benchCredentials },
  upstream: "sandbox",
  // PostgreSQL when given (the production shape); otherwise embedded PGlite in memory.
  database: process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { memory: true },
  log: createLogger(process.env.BENCH_LOG_LEVEL ?? "info"),
  webDist: process.env.BENCH_WEB_DIST,
  // With BENCH_SANDBOX_NOW (the sandbox's SANDBOX_NOW), the analytics sync runs on the sandbox's clock (browser.ts).
  ...(process.env.BENCH_SANDBOX_NOW
    ? { analytics: { sync: true, now: clockFrom(process.env.BENCH_SANDBOX_NOW) } }
    : {}),
});
console.log(JSON.stringify({ url: api.url }));
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(0));
if (process.env.BENCH_MEMLOG) {
  const v8 = await import("node:v8");
  const mb = (n) => Math.round(n / 1048576);
  setInterval(() => {
    const m = process.memoryUsage();
    const spaces = v8
      .getHeapSpaceStatistics()
      .map((s) => `${s.space_name.replace("_space", "")}=${mb(s.space_size)}/${mb(s.space_used_size)}`);
    process.stderr.write(`mem rss ${mb(m.rss)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)} ${spaces.join(" ")}\n`);
  }, 200).unref();
}
