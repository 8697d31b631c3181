// Sandbox start-up (seeding + indexing) at a few sizes, each in a fresh process, median of `runs`.
// Used by run.ts; `tsx sandboxStartup.ts` prints the table alone.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { median } from "./load.ts";

export type StartupRow = { authentications: number; transactions: number; ms: number; cpuMs: number };

export function sandboxStartup(runs = 5): StartupRow[] {
  const sizes = [
    [5_000, 3_000],
    [20_000, 3_000],
    [100_000, 3_000],
  ] as const;
  return sizes.map(([authentications, transactions]) => {
    const samples = Array.from({ length: runs }, () => {
      const out = execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(import.meta.dirname, "servers", "sandboxStartup.ts"),
          `${authentications}`,
          `${transactions}`,
        ],
        { cwd: import.meta.dirname, env: { ...process.env, NODE_ENV: "production" } },
      );
      return JSON.parse(out.toString()) as { ms: number; cpuMs: number };
    });
    return {
      authentications,
      transactions,
      ms: median(samples.map((s) => s.ms)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
    };
  });
}

export function startupTable(rows: readonly StartupRow[]): string {
  return [
    "| authentications | transactions | wall ms (median) | CPU ms (median) |",
    "|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.authentications.toLocaleString("en-US")} | ${r.transactions.toLocaleString("en-US")} | ${r.ms.toFixed(0)} | ${r.cpuMs.toFixed(0)} |`,
    ),
  ].join("\n");
}

if (import.meta.filename === process.argv[1])
  console.log(startupTable(sandboxStartup(Number(process.env.BENCH_RUNS ?? 5))));
