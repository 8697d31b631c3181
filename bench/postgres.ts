import pg from "pg";

/**
 * A connection string for a fresh schema on the local PostgreSQL server (TEST_DATABASE_URL, or the default local
 * one), or null when no server answers. The API's migrations then run inside that schema only.
 */
export async function postgresSchemaUrl(schema: string): Promise<string | null> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(serverUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}
