// `tsx ab.ts <otherRepo> [rounds] [seconds]`: this tree's compiled API against another checkout's (its apps/api/dist,
// built there first), same sandbox, alternating short loads so both see the same machine. Prints medians.
import { existsSync } from "node:fs";
import path from "node:path";
import { cpuMsOf } from "./cpu.ts";
import { load, median } from "./load.ts";
import { type Started, startServer, stopAll } from "./processes.ts";
import { sessionCookie } from "./session.ts";

const [other = "", rounds = "4", secs = "5"] = process.argv.slice(2);
const started: Started[] = [];
process.on("exit", () => stopAll(started));
const sandbox = await startServer("sandbox.ts", ["0", "5000"]);
started.push(sandbox);
const mine = await startServer("api.mjs", [sandbox.url]);
started.push(mine);
// The other checkout's compiled API (build it there first), started by this tree's launcher so only the API differs.
// (or a build directory given directly: `node apps/api/scripts/build.mjs <dir>` inside apps/api, for experiments).
const otherDist = existsSync(path.join(other, "index.js")) ? other : path.join(other, "apps/api/dist");
const theirs = await startServer("api.mjs", [sandbox.url], { BENCH_API_DIST: otherDist });
started.push(theirs);
const input = encodeURIComponent(
  JSON.stringify({
    filters: [{ field: "authentication.pares_status", op: "eq", value: "Y" }],
    sort: [{ field: "created_at", desc: true }],
    limit: 50,
  }),
);
const targets = [
  {
    name: "this tree",
    url: mine.url,
    cookie: await sessionCookie(mine.url),
    rps: [] as number[],
    mean: [] as number[],
    cpu: [] as number[],
  },
  {
    name: "other",
    url: theirs.url,
    cookie: await sessionCookie(theirs.url),
    rps: [] as number[],
    mean: [] as number[],
    cpu: [] as number[],
  },
];
for (const t of targets)
  await load(`${t.url}/trpc/authentications.list?input=${input}`, {
    connections: 50,
    seconds: 2,
    headers: { cookie: t.cookie },
  });
for (let i = 0; i < Number(rounds); i++) {
  for (const t of targets) {
    const pid = t.name.startsWith("this") ? (mine.child.pid ?? 0) : (theirs.child.pid ?? 0);
    const cpuBefore = cpuMsOf(pid);
    const r = await load(`${t.url}/trpc/authentications.list?input=${input}`, {
      connections: 50,
      seconds: Number(secs),
      headers: { cookie: t.cookie },
    });
    t.cpu.push((cpuMsOf(pid) - cpuBefore) / r.requests);
    t.rps.push(r.rps);
    t.mean.push(r.mean);
    console.log(
      `${t.name}: ${r.rps.toFixed(0)} req/s, mean ${r.mean.toFixed(1)} ms, cpu/call ${t.cpu.at(-1)?.toFixed(3)} ms`,
    );
  }
}
for (const t of targets)
  console.log(`median ${t.name}: ${median(t.rps).toFixed(0)} req/s, cpu/call ${median(t.cpu).toFixed(3)} ms`);
process.exit(0);
