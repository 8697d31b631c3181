import { randomBytes } from "node:crypto";
import pg from "pg";

export type TestDatabase = { kind: "pglite" | "postgres"; url?: string; drop(): Promise<void> };

/** The databases the API's tests run on: embedded PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export const testDatabaseKinds: TestDatabase["kind"][] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

/** A fresh, isolated database of that kind: in-memory PGlite, or a new schema on the PostgreSQL server (dropped after). */
export async function freshDatabase(kind: TestDatabase["kind"]): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (kind === "pglite" || !serverUrl) return { kind: "pglite", drop: async () => {} };
  const schema = `vbo_api_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(serverUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    kind,
    url: url.toString(),
    drop: async () => {
      await withClient(serverUrl, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
