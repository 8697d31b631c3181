// `pnpm bench`: API vs calling the sandbox directly, API vs a naive proxy, sandbox filtering at 100k records, and the
// dashboard's first-screen JS. Writes bench/RESULTS.md. Servers run in their own processes; numbers are medians of runs.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { browserBench, browserSection } from "./browser.ts";
import { firstScreenJs } from "./bundleSize.ts";
import { cpuMsOf } from "./cpu.ts";
import { measureCsvExport } from "./csvExport.ts";
import { type LoadResult, load, median } from "./load.ts";
import { measurePgliteMemory } from "./pgliteMemory.ts";
import { pinned, type Started, startServer, stopAll } from "./processes.ts";
import { sandboxStartup, startupTable } from "./sandboxStartup.ts";
import { benchBasicAuth } from "./servers/credentials.ts";
import { sessionCookie } from "./session.ts";

// The figures before issue 11 (the API run through tsx), shown next to today's.
const before = JSON.parse(readFileSync(path.join(import.meta.dirname, "baseline.json"), "utf8"));
const loadAtStart = os.loadavg()[0] ?? 0;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 50;

const upstreamQuery = "authentication.pares_status=Y&_sort=-created_at&_limit=50";
const apiInput = {
  filters: [{ field: "authentication.pares_status", op: "eq", value: "Y" }],
  sort: [{ field: "created_at", desc: true }],
  limit: 50,
};
const apiPath = `/trpc/authentications.list?input=${encodeURIComponent(JSON.stringify(apiInput))}`;
const directPath = `/oidc/3ds-service/v2/3d?${upstreamQuery}`;
const auth = { authorization: benchBasicAuth };

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const started: Started[] = [];
process.on("exit", () => stopAll(started));

async function server(script: string, args: string[], env: Record<string, string> = {}) {
  const s = await startServer(script, args, env);
  started.push(s);
  return s;
}

type Target = { name: string; url: string; headers?: Record<string, string> /** its server's process */; pid?: number };

async function alternate(targets: Target[]) {
  const results: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  const cpuPerCall: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (const t of targets) await load(t.url, { connections, seconds: 2, headers: t.headers }); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const t of targets) {
      const cpuBefore = t.pid ? cpuMsOf(t.pid) : 0;
      const r = await load(t.url, { connections, seconds, headers: t.headers });
      if (t.pid) cpuPerCall[t.name]?.push((cpuMsOf(t.pid) - cpuBefore) / r.requests);
      if (r.errors || r.non2xx) throw new Error(`${t.name}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
      results[t.name]?.push(r);
      console.log(
        `${t.name} run ${i + 1}: p50 ${r.p50} ms, p99 ${r.p99} ms, mean ${fmt(r.mean)} ms, ${fmt(r.rps, 0)} req/s`,
      );
    }
  }
  const summary = (name: string) => {
    const rs = results[name] ?? [];
    return {
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      mean: median(rs.map((r) => r.mean)),
      rps: median(rs.map((r) => r.rps)),
      cpuMsPerCall: median(cpuPerCall[name] ?? []),
    };
  };
  return summary;
}

console.log("# realistic upstream: sandbox answering after 150 ms");
const slow = await server("sandbox.ts", ["150", "5000"]);
const apiSlow = await server("api.mjs", [slow.url]);
const a = await alternate([
  { name: "direct", url: slow.url + directPath, headers: auth },
  { name: "api", url: apiSlow.url + apiPath, headers: { cookie: await sessionCookie(apiSlow.url) } },
]);
const direct150 = a("direct");
const api150 = a("api");

console.log("# zero-latency sandbox: API vs naive proxy");
const fast = await server("sandbox.ts", ["0", "5000"]);
const apiFast = await server("api.mjs", [fast.url]);
const naive = await server("naiveProxy.ts", [fast.url]);
const b = await alternate([
  { name: "naive", url: `${naive.url}/list?${upstreamQuery}`, pid: naive.child.pid },
  {
    name: "api0",
    url: apiFast.url + apiPath,
    headers: { cookie: await sessionCookie(apiFast.url) },
    pid: apiFast.child.pid,
  },
  { name: "direct0", url: fast.url + directPath, headers: auth },
]);
const naive0 = b("naive");
const api0 = b("api0");
const direct0 = b("direct0");

console.log("# the embedded default's memory: PGlite in the API process");
const pgliteMemory = await measurePgliteMemory(fast.url, seconds);
console.log(pgliteMemory);

console.log("# sandbox filtering 100,000 records (one client)");
const big = await server("sandbox.ts", ["0", "100000"]);
const bigQuery =
  "/oidc/3ds-service/v2/3d?authentication.pares_status=Y&currency_code=EUR&amount%3E=1000&_sort=-amount&_limit=50";
const bigRuns: LoadResult[] = [];
for (let i = 0; i < runs; i++)
  bigRuns.push(await load(big.url + bigQuery, { connections: 1, seconds: 5, headers: auth }));
const big100k = { p50: median(bigRuns.map((r) => r.p50)), p99: median(bigRuns.map((r) => r.p99)) };

console.log("# CSV export of 100,000 authentications through the API");
// The production shape: the API on PostgreSQL (a bench schema on the local server) when one is reachable.
const csvExport = await measureCsvExport(big.url);
console.log(csvExport);
stopAll(started);

console.log("# sandbox start-up (seeding and indexing), fresh processes");
const startup = sandboxStartup(Math.max(runs, 3));

console.log("# the pages in headless Chromium (150 ms upstream)");
const browser = await browserBench();

const dist = path.resolve(import.meta.dirname, "../apps/web/dist");
const js = firstScreenJs(dist);

const ratio = (x: number, y: number) => (y > 0 ? x / y : Number.NaN);
const verdict = (value: number, target: number) => (value <= target ? "meets" : "misses");
const r150p50 = ratio(api150.p50, direct150.p50);
const r150p99 = ratio(api150.p99, direct150.p99);
const rNaive = ratio(api0.mean, naive0.mean);
const rNaiveCpu = ratio(api0.cpuMsPerCall, naive0.cpuMsPerCall);

const was = before;
const then = (x: number, digits = 0) => ` (${fmt(x, digits)})`;
const b150p50 = ratio(was.api150.p50, was.direct150.p50);
const b150p99 = ratio(was.api150.p99, was.direct150.p99);
const bNaive = ratio(was.api0.mean, was.naive0.mean);
const md = `# Benchmark results

Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} — Node ${process.version}, ${os.cpus().length} cores
(${os.cpus()[0]?.model ?? "unknown CPU"}), ${runs} runs of ${seconds} s per target, ${connections} concurrent connections,
50-row pages (\`${upstreamQuery}\`). Each server runs in its own process; load from autocannon in a third. Medians of
the runs. The API is the compiled one (\`apps/api/dist\`, run by plain Node as production runs it).${pinned ? " **Pinned** (BENCH_PIN=1): autocannon on core 0, the servers on core 1." : ""} Load average when the run started:
**${fmt(loadAtStart, 1)}** on ${os.cpus().length} cores (other work on the machine competes with all three processes).
In parentheses: the figures of ${was.date} (${was.note}). Targets are issue 11's.

## API overhead against a realistic upstream (sandbox answers after 150 ms)

| target | p50 ms | p99 ms | req/s |
|---|---|---|---|
| sandbox directly | ${direct150.p50}${then(was.direct150.p50)} | ${direct150.p99}${then(was.direct150.p99)} | ${fmt(direct150.rps, 0)}${then(was.direct150.rps)} |
| through the API | ${api150.p50}${then(was.api150.p50)} | ${api150.p99}${then(was.api150.p99)} | ${fmt(api150.rps, 0)}${then(was.api150.rps)} |
| **ratio API ÷ direct** | **${fmt(r150p50, 3)}**${then(b150p50, 3)} (target ≤ 1.05: ${verdict(r150p50, 1.05)}) | **${fmt(r150p99, 3)}**${then(b150p99, 3)} (target ≤ 1.15: ${verdict(r150p99, 1.15)}) | |

## API cost against a naive proxy (zero-latency sandbox)

| target | mean ms | p50 ms | p99 ms | req/s |
|---|---|---|---|---|
| sandbox directly | ${fmt(direct0.mean)}${then(was.direct0.mean, 2)} | ${direct0.p50}${then(was.direct0.p50)} | ${direct0.p99}${then(was.direct0.p99)} | ${fmt(direct0.rps, 0)}${then(was.direct0.rps)} |
| naive proxy (fetch, parse, liability, stringify) | ${fmt(naive0.mean)}${then(was.naive0.mean, 2)} | ${naive0.p50}${then(was.naive0.p50)} | ${naive0.p99}${then(was.naive0.p99)} | ${fmt(naive0.rps, 0)}${then(was.naive0.rps)} |
| the API (tRPC, zod, pino, retries) | ${fmt(api0.mean)}${then(was.api0.mean, 2)} | ${api0.p50}${then(was.api0.p50)} | ${api0.p99}${then(was.api0.p99)} | ${fmt(api0.rps, 0)}${then(was.api0.rps)} |
| **ratio API ÷ naive (time per call)** | **${fmt(rNaive, 3)}**${then(bNaive, 3)} (target ≤ 1.3: ${verdict(rNaive, 1.3)}) | | | |

CPU per call, measured from /proc (user + system time of the server process ÷ requests it answered), depends far less
than latency on what else the machine runs (contention still costs cache and frequency: ±30 % between runs): naive proxy **${fmt(naive0.cpuMsPerCall, 3)} ms**, the API **${fmt(api0.cpuMsPerCall, 3)} ms**,
ratio **${fmt(rNaiveCpu, 3)}** (target ≤ 1.3: ${verdict(rNaiveCpu, 1.3)}).

## Sandbox: a filtered, sorted 50-row list over 100,000 records (one client)

\`${bigQuery}\` — p50 **${big100k.p50} ms**, p99 ${big100k.p99} ms (target: well under 100 ms).

## CSV export of 100,000 authentications through the API

${csvExport.rows.toLocaleString("en-US")} rows (${fmt(csvExport.mb, 1)} MB) in ${fmt(csvExport.seconds, 1)} s: **${fmt(csvExport.rowsPerSecond, 0)} rows/s**${then(was.csv.rowsPerSecond)}
(target ≥ 10,000: ${csvExport.rowsPerSecond >= 10_000 ? "meets" : "misses"}). The API on ${csvExport.database}: resident memory
${fmt(csvExport.rssBefore, 0)} MB${then(was.csv.rssBefore)} before, **${fmt(csvExport.peak, 0)} MB**${then(was.csv.peak)} at most while streaming (target ≤ 150 MB:
${verdict(csvExport.peak, 150)}; load average ${fmt(csvExport.loadAverage, 1)} at its end). Rows are written 200 at a time and the next
is not asked for — so the next upstream page is not fetched — until the socket has drained
(\`apps/api/test/csvBackPressure.int.test.ts\`).

The embedded default (PGlite in memory, in the API process, \`pgliteMemory.ts\`): resident memory **${fmt(pgliteMemory.started, 0)} MB** after
start-up, ${fmt(pgliteMemory.underLoad, 0)} MB at most under ${seconds} s of 50 clients listing, ${fmt(pgliteMemory.after, 0)} MB after it, peak ${fmt(pgliteMemory.peak, 0)} MB. How much
of PGlite's initdb memory (~390 MB of WebAssembly memory, garbage once the database is open) is still resident depends
on whether V8 has run a full collection yet. Before part 4 (same script, plain Node): 788 MB after start-up, 525 MB
after the load, peak 807 MB.

## Sandbox start-up: seeding and indexing (fresh process each, medians)

${startupTable(startup)}

Target: the default size (20,000 authentications, 3,000 transactions) under ~1.5 s. Wall time includes waiting for
the CPU when the machine is shared; CPU time is what start-up costs.

## Where the API's time goes (profiled with --cpu-prof under the zero-latency load)

- Replacing pino-http with a lean request logger (apps/api/src/requestLog.ts) raised the API from ~480 to ~610 req/s:
  pino-http built a child logger and wrapped serializers for every request.
- Remembering a validated session for 2 s (shared by concurrent requests) removed a database read per request
  (auth.me went from ~410 to ~1,230 req/s).
- What remains is spread thin: Express 5 routing, tRPC's middleware chain and response shaping, zod, JSON parse and
  stringify of 50 records (also done by the naive proxy), and the garbage collector (~10 %). On this 2-core machine the
  sandbox, the API and autocannon share the CPU, so the API's extra CPU shows up as queueing in the 150 ms case.
- An unbatched query no longer goes through tRPC's Express adapter (2026-12-02, below).

### Issue 11 (2026-12-01): the compiled API, and why the targets are still missed

- Compiling did not change the cost of a call, as expected (tsx transpiles once, at load): \`bench/ab.ts\`, this
  tree's compiled API against the previous tree's tsx-run API, same sandbox, alternating 5 s loads, measured
  2.74 ms and 2.55 ms of CPU per call (medians of 3; single runs 2.0–2.8 ms for both). What it buys is a production
  runtime without TypeScript tooling and without the sandbox.
- \`pnpm --filter @vbo/bench profile\` (10 s at 50 clients, start-up included) puts the API's own code at ~6 % of
  its CPU (self time), tRPC ~6.5 %, undici ~3 %, zod ~1 %, pino under 1 %, Express and its router ~1 %; socket writes,
  string encoding and the garbage collector (~9 %) make most of the rest, and PGlite's ~25 % is start-up (migrations of
  the bench's in-memory database). No single cheap win is left in the list path; the remaining candidate is a list
  route outside tRPC, not taken (it would bypass the permission middleware and error formatting every procedure shares).
- This run's latency figures are not comparable with 2026-11-22's: the machine's load average was ~15–26 on 2 cores
  (several engineers building and testing at once), and even the naive proxy and the sandbox answered at a fraction of
  their earlier rates. Latency ratios on a CPU this oversubscribed measure the run queue. The CPU per call above is
  the honest measure of the miss: the API spends about 2.2× the naive proxy's CPU on a call (target 1.3), and on a
  machine where the CPU is the bottleneck that is what the tail latency against a 150 ms upstream is made of.
- Parts 3–5 of issue 11: see "Issue 11 parts 3–5" below.

### Issue 11 parts 3–5 (2026-12-01)

- **This run against the previous \`pnpm bench\`** (2026-12-01, load 26.2, the tsx launcher; this one at ${fmt(loadAtStart, 1)}, plain
  Node): API ÷ direct at 150 ms p50 3.225 → ${fmt(r150p50, 3)}, p99 2.091 → ${fmt(r150p99, 3)}; API ÷ naive per call 1.413 → ${fmt(rNaive, 3)}; CPU
  per call the API 1.800 → ${fmt(api0.cpuMsPerCall, 3)} ms, the naive proxy 0.806 → ${fmt(naive0.cpuMsPerCall, 3)} ms (ratio 2.23 → ${fmt(rNaiveCpu, 3)}; runs move ±30 %);
  CSV export peak 275 → ${fmt(csvExport.peak, 0)} MB, 5,525 → ${fmt(csvExport.rowsPerSecond, 0)} rows/s.
- **The bench measured tsx, not the API.** \`servers/api.ts\` ran the compiled API under \`--import tsx\`, whose loader alone
  kept ~100 MB more resident (idle 224 MB against 126 MB with plain Node, same build). \`servers/api.mjs\` now runs it
  with plain Node, as \`pnpm start\` does; the CSV peak of 275–329 MB measured before was mostly that.
- **CSV export**: back-pressure was already respected (a pipeline of \`Readable.from\` → csv-stringify → the response:
  the new test passes on the old code too, and fails when the wait for 'drain' is removed: 16 pages fetched for a client
  that reads nothing, against ≤ 6). The export now writes 200 rows per socket write instead of one, and waits for
  'drain' itself. What still lifts its peak ~100 MB above idle is V8, not buffering: each 2,000-row page arrives as one
  ~2.4 MB JSON string, which V8 puts in its large-object space, and the parsed records outlive a scavenge; both are
  only freed by a full collection, which V8 runs when the old generation has grown to ~100 MB. Smaller upstream pages
  (500, 1,000) did not change the peak (the same bytes go through the large-object space); \`--max-old-space-size=80\`
  brings it to ~175 MB; the idle API is already ~125 MB (Node 41 MB, its modules ~55 MB — @simplewebauthn/server
  alone 18 MB at import — start-up and the argon2 sign-in the rest). The 150 MB target is missed.
- **PGlite**: \`shared_buffers\` from 128 MB to 16 MB (the WebAssembly memory holding them was resident from start-up) and
  fsync on for a data directory — PGlite's default start flags include \`-F\`, fsync off, which is not acceptable for
  refunds, audit rows and idempotency keys (\`packages/db/test/pgliteSettings.test.ts\`). The rest of the start-up
  figure is PGlite's initdb module, freed only at the first full garbage collection.
- **Where a list call's CPU goes** (profile of the load window only, 50 clients, zero latency): garbage collection 16 %,
  socket writes (writev + string encoding) 10 %, JSON.parse of the upstream page 5 %, tRPC's response shaping and
  JSON.stringify 5 % (tRPC 11 % in all), zod 2 %, undici 5 %, AbortSignal timeouts ~2 %, helmet ~1 %, pino ~1 %, Express and its
  router ~3 %. No zod output validation runs (procedures declare no output schema); the upstream list is parsed once
  and serialised once; the session check is one LRU lookup (a database read at most every 2 s); the undici pool allows
  256 keep-alive connections to the upstream (≥ 50 clients). An A/B run with and without helmet measured 2.14 and 2.27 ms
  of CPU per call (noise ±30 %): helmet is not where the cost is.
- **tRPC's own cost against Express alone** — the one large item. A build with the same list also served by a plain
  Express route (same session check, permission check, zod input, Verifone client, liability, helmet and request log;
  a byte-identical answer; an experiment, not committed), one process, alternating 5 s loads of 50 clients at load
  average 4–6: **1.505 ms of CPU per call through tRPC, 0.856 ms through Express alone** (medians of 5; the last,
  warmest rounds 1.21 against 0.75), against the naive proxy's 0.65 ms in the run above. tRPC 11's Express adapter
  turns every Node request into a WHATWG \`Request\` and its answer into a \`Response\` (Node's bundled undici Headers,
  webidl conversions, an extra stream) before writing it back: that, not our code, is most of the gap to the naive
  proxy. Meeting "API ÷ naive ≤ 1.3" means serving the hot list outside tRPC (with the permission check and the error
  shape every procedure has, and the dashboard calling it without httpBatchLink) — a change of the API's contract
  (CONTRACT.md §1), left for a decision rather than made here. (Done on 2026-12-02 without changing the contract:
  see below.)
- **The pages** (section below): on the Authentications page the list, the count, the summary's counts and the
  saved views go out together in one batched request, and its upstream calls (list + count + the summary's counts,
  coalesced) overlap in one 150 ms round trip: the target (list and counts together, one upstream round trip to first
  rows once signed in) is met, and no Authentications code was changed. What comes before it is the dashboard's own
  sequence: the page's queries start only after \`auth.me\` has answered (AuthGate renders the pages once the session is
  known; not changed here) and after React's first render of the layout and page, ~150–350 ms of main-thread work on
  this loaded machine; then ~250 ms from the answer to rows on screen. The Analytics page, measured only (another
  engineer works on it), has the same shape: \`auth.me\`, then one batch of eight procedures from the store, no
  upstream call — and one waterfall: the charts' code (the AnalyticsCharts chunk, 455 KB raw) is requested only once
  that batch has answered, so its download comes after the data instead of beside it (measured before the analytics
  change that requests that chunk as the page mounts — see the analytics section).

### Issue 11 (2026-12-02): tRPC's adapter off the hot path, and what the remaining misses are made of

- **An unbatched query skips the adapter** (\`apps/api/src/http/singleQuery.ts\`): \`GET /trpc/<procedure>?input=…\`
  (how this bench, scripts and integrations call a list or a count) is answered by calling the procedure with tRPC's
  own public functions — \`callTRPCProcedure\` (the same session, permission and zod middleware), \`getTRPCErrorShape\`
  (our error formatter), \`getHTTPStatusCodeFromError\` — and writing the JSON straight to the socket, with its
  length. Batches, mutations, unknown procedures and input that is not JSON go on to the adapter. Same URL, same
  bytes: \`apps/api/test/singleQuery.int.test.ts\` compares every kind of answer (data, default input, 401, 403, 400
  naming the field, Verifone failing) with the adapter's answer to the same call as a batch of one. \`bench/ab.ts\`
  against the previous build, alternating 5 s loads of 50 clients: **1.80 → 1.24 ms of CPU per call** (medians of 5;
  a second run 2.22 → 1.43). The dashboard batches its queries (one adapter pass per page load or filter change, not
  per call), so it keeps the adapter. Data answers also stopped drawing a CSP nonce (only pages render styles).
- **API ÷ naive proxy at zero latency: ${fmt(rNaive, 3)} per call (CPU ${fmt(rNaiveCpu, 3)})**, against 1.931 (2.099) in the
  previous run. What is left (self time, \`pnpm --filter @vbo/bench profile\`): JSON.parse of the upstream page 9 % and
  the answer's JSON.stringify 9 % (both done by the naive proxy too), garbage collection 8 %, socket writes 5 %,
  undici 4.5 %, Express's router 4 %, tRPC's procedure chain 3 %, the request's context 2 %, zod 2 %, pino 1 %: the
  session check, permission check, input validation, retry policy and request log the naive proxy does not have,
  none large enough alone to close the gap. \`pnpm --filter @vbo/bench profile 10 naive\` profiles the naive proxy the
  same way: parsing the page and serialising the answer are 29.5 % of its CPU, 18 % of the API's — the same work, so
  the API spends ~1.6× the naive proxy's CPU on a call; meeting 1.3 would mean cutting everything the API adds (routing,
  session, permission, validation, retries, logging) by half.
- **p99 against a 150 ms upstream: the clients move in waves.** The sandbox answers every request after the same
  150 ms, so the 50 clients stay in step: their answers come back together and the API works through ~50 of them back
  to back; the last waits for the 49 before it. Measured in the API under this load (after warm-up): the event loop's
  delay p50 5 ms, **p99 31 ms, max 43 ms** (\`perf_hooks.monitorEventLoopDelay\`), and a CPU profile shows bursts of
  30–60 ms of uninterrupted work — one wave each. The last of a wave waits up to ~50 × the CPU of a call (50 × ${fmt(api0.cpuMsPerCall, 3)} ms ≈
  ${fmt(50 * api0.cpuMsPerCall, 0)} ms; part of the work overlaps the wave's arrival; this run's p99 is ${api150.p99 - direct150.p99} ms above the sandbox's own). The naive
  proxy has the same tail at its smaller CPU (1.23 of direct in the issue's measure): p99 ≤ 1.15 needs about 0.5 ms of
  CPU per call, less than the naive proxy spends. Not the garbage collector: \`--trace-gc\` counts 180 scavenges in 16 s
  (1.1 s in all, longest 15 ms) and 9 mark-compacts (longest 25 ms); doubling the young generation
  (\`--max-semi-space-size=32\`) halved the scavenges and left p99 where it was (226–246 against 239–247 ms). What would
  shorten the wave is a second core for the API (two processes behind the balancer, or \`node:cluster\` on
  PostgreSQL) — not done: on this 2-core machine both cores already serve the sandbox and autocannon.
- **Memory.** PGlite, \`pg\` and @simplewebauthn/server now load when first used (\`apps/api/test/build.int.test.ts\`
  walks main.js's static imports): idle on PostgreSQL 134 → 126 MB right after sign-in (105–110 MB a second later).
  The export's peak is garbage V8 has not collected yet, and every V8 setting that collects it sooner costs the list
  path dearly — measured on the export (peak RSS, PostgreSQL) and on the list (CPU per call, zero latency, against an
  API without flags started beside it in the same run, alternating loads):

  | V8 flags | CSV export peak | list CPU per call (without the flags, same run) |
  |---|---|---|
  | none (the default) | 198 MB | — |
  | \`--optimize-for-size\` | 120 MB | 3.97 ms (1.46 ms): 2.7× |
  | \`--heap-growing-percent=10 --max-semi-space-size=8\` | 132 MB | 2.60 ms (1.46 ms): 1.8× |
  | \`--max-old-space-size=160\` | 148 MB | 2.19 ms (1.63 ms): 1.35× |

  Turning a whole 2,000-row page into CSV at once (instead of 200 rows at a time) raised the peak to 223–230 MB (more
  alive at once); 500-row pages left it at 191 MB (the page strings still go to the large-object space). The default
  stays V8's; README's Production section names \`--max-old-space-size=160\` for a deployment where memory is tight.

### The same bench with the load generator pinned (BENCH_PIN=1), 2026-12-01 (kept from that run)

\`BENCH_PIN=1 pnpm bench\` (an earlier run, load average 13.8 at its start, ~20 at its end): autocannon (and
the bench process, and Chromium) on core 0 with \`taskset\`, the sandbox and the API sharing core 1 — the other
engineers' jobs still run on both. Against a 150 ms upstream: ratio API ÷ direct p50 **4.40**, p99 **5.51**; zero
latency: API ÷ naive time per call **3.35**, CPU per call naive 0.879 ms, the API **2.336 ms** (ratio **2.66**). CSV:
8,322 rows/s, 128 MB before, **234 MB** at most. Pinning does not help here: it hands the two servers one core between
them, so the API queues behind the sandbox instead of behind autocannon. The CPU-per-call ratio moves far less than
the latency ratios (2.66 pinned at load ~14–20, 2.42 in an unpinned run at 17.6 just before it, 1.91 in the unpinned run
at 8.1 that the quiet run above replaced, 2.10 in that quiet run at 0.9), and that ratio — not where the load generator runs — is what the latency ratios are made of. (The pinned run's
browser figures, Chromium sharing core 0 with the bench, were 6–14 s and are not kept.)


## Dashboard first screen (JS)

"On the wire" is what the API sends to a browser that accepts brotli: the build's precompressed \`.br\` files
(${fmt(was.firstScreenJs.onTheWire, 1)} KB on ${was.date}, when the files went uncompressed).

| file | raw KB | gzip KB | on the wire (br) KB |
|---|---|---|---|
${js.files.map((f) => `| ${f.file} | ${fmt(f.raw / 1024, 1)} | ${fmt(f.gzip / 1024, 1)} | ${fmt(f.br / 1024, 1)} |`).join("\n")}
| **total** | **${fmt(js.raw / 1024, 1)}** | **${fmt(js.gzip / 1024, 1)}** (target ≤ 300 KB: ${verdict(js.gzip / 1024, 300)}) | **${fmt(js.br / 1024, 1)}** |

${browserSection(browser)}`;
// The analytics store's section is written by analytics.ts (`pnpm --filter @vbo/bench analytics`): kept as it is.
const resultsFile = path.join(import.meta.dirname, "RESULTS.md");
const analyticsMarker = "## Analytics store (PostgreSQL)";
const previous = readFileSync(resultsFile, "utf8");
const analyticsSection = previous.includes(analyticsMarker) ? previous.slice(previous.indexOf(analyticsMarker)) : "";
writeFileSync(resultsFile, analyticsSection ? `${md.trimEnd()}\n\n${analyticsSection}` : md);
console.log(md);
process.exit(0);
