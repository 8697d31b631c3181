import pg from "pg";
import type { Db, DbTx } from "../driver.ts";

/** A PostgreSQL server through a `pg.Pool`. Fails fast, naming host:port (never the password), when unreachable. */
export async function openPostgres(databaseUrl: string, onPoolError?: (error: Error) => void): Promise<Db> {
  const where = describeServer(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  // Without a listener an idle client's error would crash the process; the next query reports the problem anyway.
  pool.on("error", (error) => onPoolError?.(error));
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot reach PostgreSQL at ${where} (DATABASE_URL): ${reasonOf(error, databaseUrl)}`);
  }
  return {
    kind: "postgres",
    ...queriesOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({ kind: "postgres", ...queriesOf(client) });
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        // A failed ROLLBACK means the connection is broken: destroy it instead of returning it to the pool.
        await client.query("ROLLBACK").then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

function queriesOf(target: pg.Pool | pg.PoolClient): Pick<DbTx, "query" | "exec"> {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await target.query(sql, params);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

/** `host:port` of a connection string, for error messages. */
export function describeServer(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  return `${url.hostname || "localhost"}:${url.port || "5432"}`;
}

function reasonOf(error: unknown, databaseUrl: string): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Node reports a refused dual-stack connect as an AggregateError with an empty message and only a code.
  const parts = [typeof code === "string" && !message.includes(code) ? code : "", message].filter(Boolean);
  return withoutPassword(parts.join(" ") || "unknown error", databaseUrl);
}

function withoutPassword(text: string, databaseUrl: string): string {
  const encoded = new URL(databaseUrl).password;
  if (!encoded) return text;
  let decoded = encoded;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    // keep the encoded form
  }
  return text.split(encoded).join("***").split(decoded).join("***");
}
