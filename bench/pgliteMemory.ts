// `tsx pgliteMemory.ts`: resident memory of the compiled API with the embedded default (PGlite in memory): after
// start-up, after sign-in, and during and after 50 clients listing authentications for `seconds` (default 8).
import os from "node:os";
import { load } from "./load.ts";
import { rssOf } from "./memory.ts";
import { type Started, startServer, stopAll } from "./processes.ts";
import { sessionCookie } from "./session.ts";

export type PgliteMemory = { started: number; signedIn: number; underLoad: number; after: number; peak: number };

export async function measurePgliteMemory(sandboxUrl: string, seconds = 8): Promise<PgliteMemory> {
  const api = await startServer("api.mjs", [sandboxUrl], { BENCH_LOG_LEVEL: "warn" });
  try {
    const pid = api.child.pid ?? 0;
    const started = rssOf(pid).rssMb;
    const cookie = await sessionCookie(api.url);
    const signedIn = rssOf(pid).rssMb;
    let underLoad = signedIn;
    const sampler = setInterval(() => {
      underLoad = Math.max(underLoad, rssOf(pid).rssMb);
    }, 50);
    const input = encodeURIComponent(
      JSON.stringify({ filters: [], sort: [{ field: "created_at", desc: true }], limit: 50 }),
    );
    await load(`${api.url}/trpc/authentications.list?input=${input}`, {
      connections: 50,
      seconds,
      headers: { cookie },
    });
    clearInterval(sampler);
    const { rssMb: after, peakMb: peak } = rssOf(pid);
    return { started, signedIn, underLoad, after, peak };
  } finally {
    stopAll([api]);
  }
}

if (import.meta.filename === process.argv[1]) {
  const started: Started[] = [];
  const sandbox = process.argv[2] ? null : await startServer("sandbox.ts", ["0", "5000"]);
  if (sandbox) started.push(sandbox);
  console.log({ load: os.loadavg()[0], ...(await measurePgliteMemory(process.argv[2] ?? sandbox?.url ?? "")) });
  stopAll(started);
  process.exit(0);
}
