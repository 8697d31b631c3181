import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Db, type DbKind, openDb } from "../src/driver.ts";
import { wrapPglite } from "../src/drivers/pglite.ts";
import { migrate } from "../src/migrations/index.ts";

export interface DriverContext {
  kind: DbKind;
  /** A migrated database of this file's own (a fresh PGlite, or a fresh schema on PostgreSQL). */
  db(): Db;
  /** Another connection to `db()`: a separate pool on PostgreSQL, the same instance on PGlite (closed after the file). */
  connectAgain(): Promise<Db>;
  /**
   * A new, empty, isolated database. On PostgreSQL each `open()` is a separate pool on the same schema; PGlite has one
   * connection, so there `open()` returns the same instance every time.
   */
  fresh(): Promise<{ open(): Promise<Db> }>;
}

/** The environment variable naming the PostgreSQL server the tests may create schemas on. */
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/**
 * Declares the suite once per driver: always on in-memory PGlite, and again on PostgreSQL when TEST_DATABASE_URL is
 * set. On PostgreSQL every fresh database is a uniquely named schema (search_path set through the connection string's
 * `options`), dropped after the file, so test files running in parallel never see each other's rows.
 */
export function describeEachDriver(name: string, fn: (ctx: DriverContext) => void): void {
  const kinds: DbKind[] = testDatabaseUrl ? ["pglite", "postgres"] : ["pglite"];
  for (const kind of kinds) {
    describe(`${name} [${kind}]`, () => {
      const opened: Db[] = [];
      const schemas: string[] = [];
      let shared: { db: Db; open(): Promise<Db> } | undefined;

      const fresh = async () => {
        if (kind === "pglite") {
          const db = wrapPglite(await (await emptyPglite()).clone());
          opened.push(db);
          return { open: async () => db };
        }
        const url = requireUrl();
        const schema = `vbo_test_${randomBytes(6).toString("hex")}`;
        await withAdmin(url, (admin) => admin.query(`CREATE SCHEMA ${schema}`));
        schemas.push(schema);
        return {
          open: async () => {
            const db = await openDb({ databaseUrl: withSearchPath(url, schema) });
            opened.push(db);
            return db;
          },
        };
      };

      beforeAll(async () => {
        const database = await fresh();
        const db = await database.open();
        await migrate(db);
        shared = { db, open: database.open };
      }, 60_000);

      afterAll(async () => {
        await Promise.all(opened.map((db) => db.close()));
        if (schemas.length > 0) {
          await withAdmin(requireUrl(), async (admin) => {
            for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          });
        }
      });

      fn({
        kind,
        db: () => {
          if (!shared) throw new Error("the database is opened in beforeAll");
          return shared.db;
        },
        connectAgain: () => {
          if (!shared) throw new Error("the database is opened in beforeAll");
          return shared.open();
        },
        fresh,
      });
    });
  }
}

let pristine: Promise<PGlite> | undefined;

/** Booting PGlite costs seconds; cloning an empty instance, well under one. One per test file (worker). */
function emptyPglite(): Promise<PGlite> {
  pristine ??= PGlite.create();
  return pristine;
}

function requireUrl(): string {
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  return testDatabaseUrl;
}

function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

async function withAdmin<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
