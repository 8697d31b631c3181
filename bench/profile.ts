// `pnpm --filter @vbo/bench profile [seconds] [naive]`: the compiled API (or, with `naive`, the naive proxy it is
// measured against) under the bench's zero-latency load with `node --cpu-prof`, then the functions that took the most
// of its CPU (self time), grouped by package.
// The .cpuprofile is left in bench/profiles/ for Chrome DevTools.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "./load.ts";
import { type Started, startServer, stopAll } from "./processes.ts";
import { sessionCookie } from "./session.ts";

const seconds = Number(process.argv[2] ?? 10);
const dir = path.join(import.meta.dirname, "profiles");
mkdirSync(dir, { recursive: true });
const started: Started[] = [];
const sandbox = await startServer("sandbox.ts", ["0", "5000"]);
started.push(sandbox);
const naive = process.argv[3] === "naive";
const profiling = ["--cpu-prof", `--cpu-prof-dir=${dir}`];
const api = naive
  ? await startServer("naiveProxy.ts", [sandbox.url], {}, profiling)
  : await startServer("api.mjs", [sandbox.url], { BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info" }, profiling);
started.push(api);
const input = {
  filters: [{ field: "authentication.pares_status", op: "eq", value: "Y" }],
  sort: [{ field: "created_at", desc: true }],
  limit: 50,
};
const cookie = naive ? "" : await sessionCookie(api.url);
const url = naive
  ? `${api.url}/?authentication.pares_status=Y&_sort=-created_at&_limit=50`
  : `${api.url}/trpc/authentications.list?input=${encodeURIComponent(JSON.stringify(input))}`;
await load(url, { connections: 50, seconds: 2, headers: { cookie } });
const before = new Set(readdirSync(dir));
const result = await load(url, { connections: 50, seconds, headers: { cookie } });
console.log(
  `${naive ? "naive proxy" : "API"}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
);
const exited = new Promise((resolve) => api.child.once("exit", resolve));
stopAll(started);
await exited;

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile") && !before.has(f));
if (!file) throw new Error("no profile written");
const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { nodes: Node[] };
const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
const packageOf = (url: string) =>
  url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/)?.[1] ??
  (url.includes("/apps/api/dist/") ? "api (dist)" : url.startsWith("node:") ? "node" : url || "(native/gc)");
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  const pkg = packageOf(n.callFrame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  const fn = `${n.callFrame.functionName || "(anonymous)"} ${pkg}:${n.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
}
const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)} %  ${name}`)
    .join("\n");
console.log(
  `\n${path.join(dir, file)}\n\nby package:\n${top(byPackage, 15)}\n\nby function (self):\n${top(byFunction, 30)}`,
);
process.exit(0);
