import { mkdir } from "node:fs/promises";
import { PGlite, type PGliteInterface, type Transaction } from "@electric-sql/pglite";
import type { Db, DbTx } from "../driver.ts";

/**
 * PGlite's start-up flags, changed in two ways. shared_buffers 16 MB instead of 128 MB: the buffers live in the
 * WebAssembly memory, which is touched (resident) from the start, and the database files they cache are in this
 * process's memory or the OS page cache anyway. And with files on disk, fsync stays on: PGlite passes -F (fsync off)
 * by default, and a refund's audit row and idempotency key must survive a power cut, not only a crash.
 */
export function pgliteStartParams(onDisk: boolean): string[] {
  return [...PGlite.defaultStartParams.filter((p) => !(onDisk && p === "-F")), "-c", "shared_buffers=16MB"];
}

/** Embedded PostgreSQL (WASM) in this process: files under `dataDir`, or in memory when it is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const startParams = pgliteStartParams(dataDir !== undefined);
  const pg = dataDir ? await PGlite.create({ dataDir, startParams }) : await PGlite.create({ startParams });
  return wrapPglite(pg);
}

/** A `Db` over an existing PGlite instance (tests clone a pristine one rather than boot a new one each time). */
export function wrapPglite(pg: PGliteInterface): Db {
  return {
    kind: "pglite",
    ...queriesOf(pg),
    // PGlite has one connection; its own mutex makes other callers wait while a transaction is open.
    transaction: (fn) => pg.transaction((tx) => fn({ kind: "pglite", ...queriesOf(tx) })),
    close: () => pg.close(),
  };
}

function queriesOf(target: PGliteInterface | Transaction): Pick<DbTx, "query" | "exec"> {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await target.query<T>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}
