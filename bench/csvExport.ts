// `tsx csvExport.ts [authentications]`: the CSV export of every authentication through the compiled API, on
// PostgreSQL when one is reachable (TEST_DATABASE_URL), with the API's resident memory sampled every 20 ms.
// Also importable: run.ts calls measureCsvExport().
import os from "node:os";
import { rssOf } from "./memory.ts";
import { postgresSchemaUrl } from "./postgres.ts";
import { type Started, startServer, stopAll } from "./processes.ts";
import { sessionCookie } from "./session.ts";

export type CsvExportResult = {
  database: string;
  rows: number;
  mb: number;
  seconds: number;
  rowsPerSecond: number;
  rssBefore: number;
  peak: number;
  loadAverage: number;
};

/** Exports every authentication of `sandboxUrl` through a fresh API process; the API's RSS sampled as it streams. */
export async function measureCsvExport(sandboxUrl: string): Promise<CsvExportResult> {
  const database = await postgresSchemaUrl("vbo_bench");
  const api = await startServer("api.mjs", [sandboxUrl], database ? { BENCH_DATABASE_URL: database } : {});
  try {
    const pid = api.child.pid ?? 0;
    const cookie = await sessionCookie(api.url);
    const rssBefore = rssOf(pid).rssMb;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid).rssMb);
    }, 20);
    const start = performance.now();
    const csv = await fetch(`${api.url}/export/authentications.csv?input=${encodeURIComponent("{}")}`, {
      headers: { cookie },
    });
    let bytes = 0;
    let rows = -1; // the header line is not a row
    for await (const chunk of csv.body ?? []) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) rows++;
    }
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid).rssMb);
    return {
      database: database ? "PostgreSQL" : "embedded PGlite",
      rows,
      mb: bytes / 1024 / 1024,
      seconds,
      rowsPerSecond: rows / seconds,
      rssBefore,
      peak,
      loadAverage: os.loadavg()[0] ?? 0,
    };
  } finally {
    stopAll([api]);
  }
}

if (import.meta.filename === process.argv[1]) {
  const started: Started[] = [];
  const sandbox = await startServer("sandbox.ts", ["0", process.argv[2] ?? "100000"]);
  started.push(sandbox);
  console.log({ loadAtStart: os.loadavg()[0], ...(await measureCsvExport(sandbox.url)) });
  stopAll(started);
  process.exit(0);
}
