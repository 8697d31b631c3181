import type { Queryable } from "../driver.ts";

/** One authentication as the store keeps it (see migration 002). */
export type AuthenticationRow = {
  id: string;
  createdAt: Date;
  amount: number | null;
  currencyCode: string | null;
  cardBrand: string | null;
  threedsVersion: string | null;
  eciFlag: string | null;
  enrolled: string | null;
  signatureVerification: string | null;
  paresStatus: string | null;
  challengeRequired: string | null;
  challengeCancel: string | null;
  liable: "ISSUER" | "MERCHANT";
  reason: string;
  eci: string;
  flow: "CHALLENGE" | "FRICTIONLESS" | "NONE";
  v2: boolean;
  authenticated: boolean;
  abandoned: boolean;
  enrolledY: boolean;
  v2Enrolled: boolean;
  frictionlessAuthenticated: boolean;
  v2Challenged: boolean;
  challengeSucceeded: boolean;
  rulesVersion: number;
};

/** One payment: amount in minor units of its currency. */
export type PaymentRow = {
  id: string;
  createdAt: Date;
  currencyCode: string;
  amount: number | null;
  cardBrand: string | null;
  transactionType: string | null;
  liable: "ISSUER" | "MERCHANT";
  reason: string;
  rulesVersion: number;
};

type Column<R> = { name: string; type: string; of: (row: R) => unknown };

const authenticationColumns: Column<AuthenticationRow>[] = [
  { name: "id", type: "text", of: (r) => r.id },
  { name: "created_at", type: "timestamptz", of: (r) => r.createdAt.toISOString() },
  { name: "amount", type: "numeric", of: (r) => (r.amount === null ? null : String(r.amount)) },
  { name: "currency_code", type: "text", of: (r) => r.currencyCode },
  { name: "card_brand", type: "text", of: (r) => r.cardBrand },
  { name: "threeds_version", type: "text", of: (r) => r.threedsVersion },
  { name: "eci_flag", type: "text", of: (r) => r.eciFlag },
  { name: "enrolled", type: "text", of: (r) => r.enrolled },
  { name: "signature_verification", type: "text", of: (r) => r.signatureVerification },
  { name: "pares_status", type: "text", of: (r) => r.paresStatus },
  { name: "challenge_required", type: "text", of: (r) => r.challengeRequired },
  { name: "challenge_cancel", type: "text", of: (r) => r.challengeCancel },
  { name: "liable", type: "text", of: (r) => r.liable },
  { name: "reason", type: "text", of: (r) => r.reason },
  { name: "eci", type: "text", of: (r) => r.eci },
  { name: "flow", type: "text", of: (r) => r.flow },
  { name: "v2", type: "boolean", of: (r) => r.v2 },
  { name: "authenticated", type: "boolean", of: (r) => r.authenticated },
  { name: "abandoned", type: "boolean", of: (r) => r.abandoned },
  { name: "enrolled_y", type: "boolean", of: (r) => r.enrolledY },
  { name: "v2_enrolled", type: "boolean", of: (r) => r.v2Enrolled },
  { name: "frictionless_authenticated", type: "boolean", of: (r) => r.frictionlessAuthenticated },
  { name: "v2_challenged", type: "boolean", of: (r) => r.v2Challenged },
  { name: "challenge_succeeded", type: "boolean", of: (r) => r.challengeSucceeded },
  { name: "rules_version", type: "integer", of: (r) => r.rulesVersion },
];

const paymentColumns: Column<PaymentRow>[] = [
  { name: "id", type: "text", of: (r) => r.id },
  { name: "created_at", type: "timestamptz", of: (r) => r.createdAt.toISOString() },
  { name: "currency_code", type: "text", of: (r) => r.currencyCode },
  { name: "amount", type: "bigint", of: (r) => (r.amount === null ? null : String(r.amount)) },
  { name: "card_brand", type: "text", of: (r) => r.cardBrand },
  { name: "transaction_type", type: "text", of: (r) => r.transactionType },
  { name: "liable", type: "text", of: (r) => r.liable },
  { name: "reason", type: "text", of: (r) => r.reason },
  { name: "rules_version", type: "integer", of: (r) => r.rulesVersion },
];

/** Rows per statement: one array parameter per column, so the statement's size does not grow with the batch. */
const batchSize = 5_000;

/**
 * INSERT … SELECT FROM unnest(one array per column) ON CONFLICT (id) DO UPDATE: a whole batch in one statement.
 * Rows with the same id in one batch: the last wins (PostgreSQL refuses to update one row twice per statement).
 */
async function upsert<R extends { id: string }>(
  db: Queryable,
  table: string,
  columns: Column<R>[],
  rows: readonly R[],
) {
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  const names = columns.map((c) => c.name);
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const updates = names
    .filter((n) => n !== "id")
    .map((n) => `${n} = EXCLUDED.${n}`)
    .concat("synced_at = now()")
    .join(", ");
  const sql = `INSERT INTO ${table} (${names.join(", ")}) SELECT * FROM unnest(${unnest})
    ON CONFLICT (id) DO UPDATE SET ${updates}`;
  for (let start = 0; start < unique.length; start += batchSize) {
    const batch = unique.slice(start, start + batchSize);
    await db.query(
      sql,
      columns.map((c) => batch.map(c.of)),
    );
  }
  return unique.length;
}

/** Inserts or replaces authentications by id; returns how many distinct ids were written. */
export function upsertAuthentications(db: Queryable, rows: readonly AuthenticationRow[]): Promise<number> {
  return upsert(db, "analytics_authentication", authenticationColumns, rows);
}

export function upsertPayments(db: Queryable, rows: readonly PaymentRow[]): Promise<number> {
  return upsert(db, "analytics_payment", paymentColumns, rows);
}

/** Drops ids that are no longer payments (a transaction whose status became DECLINED, say). */
export async function removePayments(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query("DELETE FROM analytics_payment WHERE id = ANY($1::text[])", [ids]);
}

/** Rows derived with another rules version than `version`, per table (the sync re-derives them). */
export async function staleRowCounts(db: Queryable, version: number) {
  const { rows } = await db.query<{ authentications: number; payments: number }>(
    `SELECT (SELECT count(*)::int FROM analytics_authentication WHERE rules_version <> $1) AS authentications,
            (SELECT count(*)::int FROM analytics_payment WHERE rules_version <> $1) AS payments`,
    [version],
  );
  return rows[0] ?? { authentications: 0, payments: 0 };
}
