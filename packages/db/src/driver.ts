export type DbKind = "pglite" | "postgres";

/** What a repository needs: one connection's worth of queries, inside or outside a transaction. */
export interface DbTx {
  readonly kind: DbKind;
  /** One statement, `$1`-style parameters, PostgreSQL dialect on both drivers. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends DbTx {
  /** Runs `fn` in BEGIN … COMMIT on one connection; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: DbTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A `Db` or a transaction already open on one. */
export type Queryable = Db | DbTx;

export interface OpenDbOptions {
  /** `postgres://…` — a PostgreSQL server. Wins over `dataDir`/`memory`. */
  databaseUrl?: string;
  /** Directory for embedded PGlite files; created when missing. */
  dataDir?: string;
  /** Embedded PGlite in memory (tests). */
  memory?: boolean;
  /** PostgreSQL only: called when an idle pooled connection fails (the next query reports it too). */
  onPoolError?: (error: Error) => void;
}

/** Each driver is loaded only when used: a PostgreSQL deployment never loads PGlite (~9 MB resident), nor the
 * embedded default `pg`. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import("./drivers/postgres.ts");
    return openPostgres(options.databaseUrl, options.onPoolError);
  }
  if (options.memory || options.dataDir) {
    const { openPglite } = await import("./drivers/pglite.ts");
    return openPglite(options.memory ? undefined : options.dataDir);
  }
  throw new Error("openDb needs one of databaseUrl (DATABASE_URL), dataDir (DATA_DIR) or memory: true");
}

/** Runs `fn` in a transaction, or directly when `q` already is one (transactions do not nest). */
export function inTransaction<T>(q: Queryable, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  return "transaction" in q ? q.transaction(fn) : fn(q);
}
