import { mkdir } from "node:fs/promises";
import { PGlite, type PGliteInterface, type Transaction } from "@electric-sql/pglite";
import type { Db, DbTx } from "../driver.ts";

/** Embedded PostgreSQL (WASM) in this process: files under `dataDir`, or in memory when it is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = dataDir ? await PGlite.create({ dataDir }) : await PGlite.create();
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
