import { describe, expect, it } from "vitest";
import type { Queryable } from "../src/driver.ts";
import { migrate, migrations } from "../src/migrations/index.ts";
import { describeEachDriver } from "./describeEachDriver.ts";

const tables = [
  "analytics_authentication",
  "analytics_authentication_daily",
  "analytics_payment",
  "analytics_sync_state",
  "audit_event",
  "idempotency_record",
  "login_attempt",
  "oidc_sign_in",
  "passkey",
  "recovery_code",
  "saved_view",
  "saved_view_default",
  "session",
  "staff_preference",
  "staff_user",
  "totp_factor",
  "trusted_device",
  "webauthn_challenge",
];
const allIds = migrations.map((migration) => migration.id);

async function tablesOf(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function appliedIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM schema_migrations ORDER BY id");
  return rows.map((row) => row.id);
}

describe("migrations list", () => {
  it("has unique ids in ascending order", () => {
    const ids = migrations.map((migration) => migration.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });
});

describeEachDriver("migrate", ({ kind, fresh }) => {
  it("creates every table on an empty database and records the migration", async () => {
    const db = await (await fresh()).open();
    expect(await migrate(db)).toEqual(allIds);
    expect(await tablesOf(db)).toEqual([...tables, "schema_migrations"].sort());
    expect(await appliedIds(db)).toEqual(allIds);
  });

  it("is a no-op the second time", async () => {
    const db = await (await fresh()).open();
    await migrate(db);
    expect(await migrate(db)).toEqual([]);
    expect(await appliedIds(db)).toEqual(allIds);
  });

  it("applies only the migrations not yet recorded", async () => {
    const db = await (await fresh()).open();
    await migrate(db);
    const next = { id: "999_test_extra", sql: "CREATE TABLE extra_for_test (id int PRIMARY KEY);" };
    expect(await migrate(db, [...migrations, next])).toEqual(["999_test_extra"]);
    expect(await appliedIds(db)).toEqual([...allIds, "999_test_extra"]);
  });

  it("rolls a failing migration back entirely", async () => {
    const db = await (await fresh()).open();
    const broken = { id: "002_broken", sql: "CREATE TABLE half_done (id int); SELECT no_such_function();" };
    await expect(migrate(db, [...migrations, broken])).rejects.toThrow(/no_such_function/);
    expect(await tablesOf(db)).toEqual([]);
  });

  it("lets two processes start at once: both succeed and the schema is applied once", async () => {
    const database = await fresh();
    // On PostgreSQL these are two separate pools, as two API replicas would have.
    const [first, second] = await Promise.all([database.open(), database.open()]);
    const results = await Promise.all([migrate(first), migrate(second)]);
    expect(results.flat()).toEqual(allIds);
    expect(await tablesOf(second)).toEqual([...tables, "schema_migrations"].sort());
    expect(await appliedIds(first)).toEqual(allIds);
    if (kind === "postgres") expect(first).not.toBe(second);
  });
});
