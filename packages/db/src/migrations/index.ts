import type { Queryable } from "../driver.ts";
import { inTransaction } from "../driver.ts";
import { initial } from "./001_initial.ts";
import { analytics } from "./002_analytics.ts";
import { identity } from "./003_identity.ts";
import { hardening } from "./004_hardening.ts";
import { views } from "./005_views.ts";
import { sso } from "./006_sso.ts";
import { analyticsDaily } from "./007_analytics_daily.ts";
import { preferences } from "./008_preferences.ts";

export interface Migration {
  /** Recorded in schema_migrations; never rename or edit one that has shipped — add the next file instead. */
  id: string;
  sql: string;
}

/** In order. */
export const migrations: readonly Migration[] = [
  { id: "001_initial", sql: initial },
  { id: "002_analytics", sql: analytics },
  { id: "003_identity", sql: identity },
  { id: "004_hardening", sql: hardening },
  { id: "005_views", sql: views },
  { id: "006_sso", sql: sso },
  { id: "007_analytics_daily", sql: analyticsDaily },
  { id: "008_preferences", sql: preferences },
];

/**
 * Applies the migrations not yet recorded in `schema_migrations`, all in one transaction, and returns their ids.
 * Safe when several API processes start at once against one PostgreSQL: each takes a transaction-scoped advisory
 * lock (keyed by the current schema) first, so the others wait and then find nothing left to do.
 */
export async function migrate(db: Queryable, list: readonly Migration[] = migrations): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('vbo-db-migrate:' || coalesce(current_schema(), '')))");
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = await tx.query<{ id: string }>("SELECT id FROM schema_migrations");
    const applied = new Set(done.rows.map((row) => row.id));
    const ran: string[] = [];
    for (const migration of list) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (id) VALUES ($1)", [migration.id]);
      ran.push(migration.id);
    }
    return ran;
  });
}
