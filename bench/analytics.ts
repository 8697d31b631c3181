// `pnpm --filter @vbo/bench analytics`: the analytics store on PostgreSQL — a 90-day by-day breakdown
// with one filter over 1,000,000 stored authentications (through the API, HTTP + tRPC included), and the back-fill
// rate from the sandbox. Appends its section to bench/RESULTS.md.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startApi } from "@vbo/api";
import { analytics, type Queryable } from "@vbo/db";
import { startSandbox } from "@vbo/sandbox";
import pino from "pino";
import { cpuMsOf } from "./cpu.ts";
import { postgresSchemaUrl } from "./postgres.ts";
import { startServer } from "./processes.ts";
import { sessionCookie } from "./session.ts";

const rows = Number(process.env.BENCH_ANALYTICS_ROWS ?? 1_000_000);
const backfillSize = Number(process.env.BENCH_BACKFILL_AUTHENTICATIONS ?? 100_000);
const now = "2026-11-15T00:00:00.000Z";
const credentials = { userId: "bench-user", apiKey: "bench-key-0123456789" };

const signIn = (apiUrl: string) => sessionCookie(apiUrl, "manager@demo.test");

/**
 * 1,000,000 synthetic authentications over 400 days with realistic mixes, inserted by the server itself newest-first,
 * the order a back-fill writes them in (so a period sits in neighbouring pages, as in a synced store).
 */
const synthetic = (n: number) => /* sql */ `
INSERT INTO analytics_authentication (id, created_at, amount, currency_code, card_brand, threeds_version, eci_flag,
  enrolled, signature_verification, pares_status, challenge_required, challenge_cancel, liable, reason, eci, flow, v2,
  authenticated, abandoned, enrolled_y, v2_enrolled, frictionless_authenticated, v2_challenged, challenge_succeeded,
  rules_version)
SELECT 'bench-' || i, timestamptz '${now}' - (i::float8 / ${n}) * interval '400 days', (random() * 50000)::int,
  (ARRAY['EUR','EUR','EUR','GBP','USD','SEK','JPY'])[1 + (i % 7)],
  (ARRAY['VISA','VISA','MASTERCARD','MASTERCARD','AMEX','CB','MAESTRO'])[1 + (i % 7)],
  (ARRAY['2.2.0','2.2.0','2.2.0','2.1.0','1.0.2'])[1 + (i % 5)],
  (ARRAY['05','06','07','02'])[1 + (i % 4)], 'Y', 'Y', (ARRAY['Y','Y','Y','A','N','C'])[1 + (i % 6)], NULL, NULL,
  CASE WHEN i % 6 < 4 THEN 'ISSUER' ELSE 'MERCHANT' END,
  (ARRAY['AUTHENTICATED','AUTHENTICATED','AUTHENTICATED','ATTEMPTED','AUTHENTICATION_FAILED','CHALLENGE_PENDING'])[1 + (i % 6)],
  'FULL', CASE WHEN i % 6 = 5 THEN 'CHALLENGE' ELSE 'FRICTIONLESS' END, i % 5 <> 4, i % 6 < 4, i % 13 = 0, true,
  i % 5 <> 4, i % 6 < 4, i % 6 = 5 AND i % 5 <> 4, false, 1
FROM generate_series(1, ${n}) AS i`;

/** What issue 8 changed and measured, kept with the figures this script writes. */
const issue8 = readFileSync(path.join(import.meta.dirname, "analyticsNotes.md"), "utf8");

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  Plans?: PlanNode[];
};

/** The statement's median execution time in the database and its scan, by EXPLAIN ANALYZE (7 runs). */
async function explain(db: Queryable, filters: analytics.StoreFilter[], source: analytics.SumSource) {
  const query = { start: new Date("2026-08-17T00:00:00Z"), end: new Date("2026-11-15T00:00:00Z"), by: "day" as const };
  const { sql, params } = analytics.authenticationSumsStatement({ ...query, filters }, source);
  const times: number[] = [];
  let scan = "";
  for (let i = 0; i < 7; i++) {
    const { rows } = await db.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
      params,
    );
    const [result] = rows[0]?.["QUERY PLAN"] ?? [];
    if (!result) throw new Error("EXPLAIN answered nothing");
    times.push(result["Execution Time"]);
    // The scan: the deepest node naming a table, with the index it (or the bitmap under it) reads.
    const nodes: PlanNode[] = [];
    for (let node: PlanNode | undefined = result.Plan; node; node = node.Plans?.[0]) nodes.push(node);
    const table = nodes.findLast((n) => n["Relation Name"]);
    const index = nodes.findLast((n) => n["Index Name"]);
    const leaf = nodes.at(-1);
    scan = `${table?.["Node Type"]} on ${table?.["Relation Name"]}${index ? ` with ${index["Index Name"]}` : ""}, ${leaf?.["Actual Rows"].toLocaleString("en")} rows out of the scan`;
  }
  times.sort((a, b) => a - b);
  return `${(times[3] ?? 0).toFixed(1)} ms in the database (${scan})`;
}

async function main() {
  const url = await postgresSchemaUrl("vbo_bench_analytics");
  if (!url) throw new Error("no PostgreSQL server (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)");
  const log = pino({ level: "silent" });

  // 1. Queries over 1,000,000 stored authentications.
  const small = await startSandbox({ port: 0, host: "127.0.0.1", now, authentications: 10, ...credentials });
  const api = await startApi({
    port: 0,
    verifone: { baseUrl: small.url, ...credentials },
    upstream: "sandbox",
    database: { url },
    log,
  });
  let t = performance.now();
  await api.db.query(synthetic(rows));
  await api.db.query("ANALYZE analytics_authentication, analytics_authentication_daily");
  const insertSeconds = (performance.now() - t) / 1000;
  const cookie = await signIn(api.url);
  const input = {
    from: "2026-08-17",
    to: "2026-11-14",
    by: "day",
    filters: [{ field: "authentication.card_brand", op: "eq" as const, value: "VISA" }],
  };
  const query = `${api.url}/trpc/analytics.authentications?input=${encodeURIComponent(JSON.stringify(input))}`;
  const times: number[] = [];
  let inPeriod = 0;
  for (let i = 0; i < 43; i++) {
    t = performance.now();
    const res = await fetch(query, { headers: { cookie } });
    const body = (await res.json()) as { result?: { data: { rows: unknown[]; total: { authentications: number } } } };
    if (!res.ok || !body.result) throw new Error(`analytics.authentications: ${res.status}`);
    if (i >= 3) times.push(performance.now() - t); // three warm-ups
    inPeriod = body.result.data.total.authentications;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)] ?? 0;
  const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
  // The Analytics page's first request (one tRPC batch: over time with the previous period, payments, the status and
  // five breakdowns, as useAnalyticsData asks), for the same period and brand.
  const base = { from: input.from, to: input.to };
  const pageInputs: [string, unknown][] = [
    ["analytics.status", undefined],
    ["analytics.authentications", { ...input, compare: true }],
    ["analytics.payments", { ...base, by: "card_brand", compare: true }],
    ...["card_brand", "threeds_version", "reason", "currency_code", "eci_flag"].map((by): [string, unknown] => [
      "analytics.authentications",
      by === "card_brand" ? { ...base, by } : { ...input, by },
    ]),
  ];
  const batchInput = Object.fromEntries(
    pageInputs.flatMap(([, value], i) => (value === undefined ? [] : [[i, value]])),
  );
  const pageBatch = `${api.url}/trpc/${pageInputs.map(([name]) => name).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(batchInput))}`;
  const pageTimes: number[] = [];
  for (let i = 0; i < 23; i++) {
    t = performance.now();
    const res = await fetch(pageBatch, { headers: { cookie } });
    const answers = (await res.json()) as { result?: unknown }[];
    if (!res.ok || answers.length !== pageInputs.length || answers.some((a) => !a.result))
      throw new Error(`the page's batch: ${res.status}`);
    if (i >= 3) pageTimes.push(performance.now() - t);
  }
  pageTimes.sort((a, b) => a - b);
  const pageP50 = pageTimes[Math.floor(pageTimes.length / 2)] ?? 0;
  const plans = {
    daily: await explain(api.db, input.filters, "daily"),
    rows: await explain(api.db, input.filters, "rows"),
  };
  await api.close();
  await small.close();
  for (const [source, plan] of Object.entries(plans)) console.log(`${source}: ${plan}`);
  console.log(`query p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${inPeriod} authentications in the answer)`);
  console.log(`the page's first batch (${pageInputs.length} procedures): p50 ${pageP50.toFixed(1)} ms`);

  // 2. Back-fill from the sandbox.
  const backfillUrl = await postgresSchemaUrl("vbo_bench_backfill");
  if (!backfillUrl) throw new Error("no PostgreSQL server");
  // The sandbox in its own process (its 3,000 transactions by default), as Verifone is not in the API's process: its
  // filtering and JSON encoding then do not compete with the sync for the API's event loop.
  const sandbox = await startServer("sandbox.ts", ["0", String(backfillSize)]);
  const sandboxPid = sandbox.child.pid ?? 0;
  const offset = Date.parse(now) - Date.now();
  const syncing = await startApi({
    port: 0,
    verifone: { baseUrl: sandbox.url, ...credentials, timeoutMs: 60_000 },
    upstream: "sandbox",
    database: { url: backfillUrl },
    log,
    analytics: { backfillDays: 3650, now: () => new Date(Date.now() + offset) },
  });
  const cpuBefore = { api: process.cpuUsage(), sandbox: cpuMsOf(sandboxPid) };
  t = performance.now();
  await syncing.analyticsSync.runOnce();
  const seconds = (performance.now() - t) / 1000;
  const apiCpu = process.cpuUsage(cpuBefore.api);
  const cpuMs = { api: (apiCpu.user + apiCpu.system) / 1000, sandbox: cpuMsOf(sandboxPid) - cpuBefore.sandbox };
  const { rows: stored } = await syncing.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM analytics_authentication",
  );
  const n = stored[0]?.n ?? 0;
  await syncing.close();
  sandbox.child.kill("SIGTERM");
  const rate = n / seconds;
  const perThousand = (ms: number) => ((ms * 1000) / n).toFixed(0);
  console.log(
    `back-fill ${n} authentications (+ payments) in ${seconds.toFixed(1)} s: ${rate.toFixed(0)}/s; CPU per 1,000: API ${perThousand(cpuMs.api)} ms, sandbox ${perThousand(cpuMs.sandbox)} ms`,
  );

  const section = `## Analytics store (PostgreSQL)

Written by \`pnpm --filter @vbo/bench analytics\` on ${new Date().toISOString().slice(0, 10)} — Node ${process.version}, ${os.cpus().length} cores, load average
${os.loadavg()[0]?.toFixed(1)} at the end (other jobs share the machine: these numbers move with them).

- **90-day by-day breakdown with one filter** (\`analytics.authentications\`, \`card_brand = VISA\`, through HTTP + tRPC)
  over ${rows.toLocaleString("en")} stored authentications (${inPeriod.toLocaleString("en")} in the answer; synthetic rows inserted in ${insertSeconds.toFixed(1)} s):
  p50 **${p50.toFixed(1)} ms**, p95 ${p95.toFixed(1)} ms over 40 requests (target p50 ≤ 150 ms: ${p50 <= 150 ? "meets" : "misses"}).
  Its statement (EXPLAIN ANALYZE, median of 7): from the daily roll-up ${plans.daily}; the same sums from the rows
  ${plans.rows}.
  The Analytics page's whole first request for that period and brand (one tRPC batch of ${pageInputs.length} procedures: over time
  with the previous period, payments, status, five breakdowns): p50 ${pageP50.toFixed(1)} ms over 20.
- **Back-fill from the sandbox**: ${n.toLocaleString("en")} authentications (and the payments of 3,000 transactions) in
  ${seconds.toFixed(1)} s — **${rate.toFixed(0)} authentications/s** (target ≥ 20,000: ${rate >= 20_000 ? "meets" : "misses"}). The sandbox
  runs in its own process; CPU per 1,000 authentications (whatever the load): API ${perThousand(cpuMs.api)} ms, sandbox ${perThousand(cpuMs.sandbox)} ms.

${issue8}`;
  const file = path.join(import.meta.dirname, "RESULTS.md");
  const old = readFileSync(file, "utf8");
  const marker = "## Analytics store (PostgreSQL)";
  const kept = old.includes(marker) ? old.slice(0, old.indexOf(marker)).trimEnd() : old.trimEnd();
  writeFileSync(file, `${kept}\n\n${section}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
