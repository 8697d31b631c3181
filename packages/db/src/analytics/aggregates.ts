// Aggregates over the analytics store: plain SQL GROUP BY per dimension (the queries a columnar engine would take).
import type { Queryable } from "../driver.ts";
import { authenticationFilterColumns, filtersToSql, paymentFilterColumns, type StoreFilter } from "./storeFilters.ts";

export const storeDimensions = [
  "day",
  "week",
  "month",
  "card_brand",
  "threeds_version",
  "currency_code",
  "reason",
  "eci_flag",
] as const;
export type StoreDimension = (typeof storeDimensions)[number] | "total";

/**
 * Group keys: UTC day, ISO week start (Monday), month, or the stored value ("" when missing). Time buckets are grouped
 * as dates and formatted after grouping (formatting every row first costs more than the sums).
 */
const keyOf: Record<StoreDimension, { group: string; format: (column: string) => string }> = {
  day: { group: "(created_at AT TIME ZONE 'UTC')::date", format: (k) => `to_char(${k}, 'YYYY-MM-DD')` },
  week: {
    group: "date_trunc('week', created_at AT TIME ZONE 'UTC')::date",
    format: (k) => `to_char(${k}, 'YYYY-MM-DD')`,
  },
  month: {
    group: "date_trunc('month', created_at AT TIME ZONE 'UTC')::date",
    format: (k) => `to_char(${k}, 'YYYY-MM')`,
  },
  card_brand: { group: "coalesce(card_brand, '')", format: (k) => k },
  threeds_version: { group: "coalesce(threeds_version, '')", format: (k) => k },
  currency_code: { group: "coalesce(currency_code, '')", format: (k) => k },
  reason: { group: "reason", format: (k) => k },
  eci_flag: { group: "coalesce(eci_flag, '')", format: (k) => k },
  total: { group: "''::text", format: (k) => k },
};

/** SELECT … GROUP BY the dimension's key and `extra` columns, the key formatted in an outer query. */
function grouped(by: StoreDimension, extra: string, sums: string, from: string, where: string): string {
  const key = keyOf[by];
  return `SELECT ${key.format("g.k")} AS key, g.* FROM (
    SELECT ${key.group} AS k, ${extra}, ${sums} FROM ${from} WHERE ${where} GROUP BY 1, 2) g`;
}

export type AuthenticationSums = {
  key: string;
  authentications: number;
  issuer: number;
  merchant: number;
  frictionless: number;
  challenged: number;
  v2Challenged: number;
  challengeSucceeded: number;
  abandoned: number;
  authenticated: number;
  enrolled: number;
  v2Enrolled: number;
  reasons: Record<string, number>;
};

/** `start` inclusive, `end` exclusive. */
export type StoreQuery = { start: Date; end: Date; by: StoreDimension; filters?: readonly StoreFilter[] };

const sumColumns = {
  authentications: "count(*)",
  issuer: "count(*) FILTER (WHERE liable = 'ISSUER')",
  merchant: "count(*) FILTER (WHERE liable = 'MERCHANT')",
  frictionless: "count(*) FILTER (WHERE frictionless_authenticated)",
  challenged: "count(*) FILTER (WHERE flow = 'CHALLENGE')",
  v2Challenged: "count(*) FILTER (WHERE v2_challenged)",
  challengeSucceeded: "count(*) FILTER (WHERE challenge_succeeded)",
  abandoned: "count(*) FILTER (WHERE abandoned)",
  authenticated: "count(*) FILTER (WHERE authenticated)",
  enrolled: "count(*) FILTER (WHERE enrolled_y)",
  v2Enrolled: "count(*) FILTER (WHERE v2_enrolled)",
} as const;
type SumName = keyof typeof sumColumns;
const sumNames = Object.keys(sumColumns) as SumName[];

/**
 * Sums per group (in no particular order; groups without rows are absent). Grouped by (key, reason) in SQL — a reason
 * decides `liable`, so every sum is the sum of its reasons — and folded per key here.
 */
export async function authenticationSums(db: Queryable, query: StoreQuery): Promise<AuthenticationSums[]> {
  const where = filtersToSql(query.filters ?? [], authenticationFilterColumns, 3);
  const sums = sumNames.map((name) => `${sumColumns[name]}::int AS "${name}"`).join(", ");
  const { rows } = await db.query<Record<SumName, number> & { key: string; reason: string }>(
    grouped(
      query.by,
      "reason",
      sums,
      "analytics_authentication",
      `created_at >= $1 AND created_at < $2 AND ${where.sql}`,
    ),
    [query.start.toISOString(), query.end.toISOString(), ...where.params],
  );
  const byKey = new Map<string, AuthenticationSums>();
  for (const row of rows) {
    let group = byKey.get(row.key);
    if (!group) {
      group = { key: row.key, reasons: {}, ...Object.fromEntries(sumNames.map((n) => [n, 0])) } as AuthenticationSums;
      byKey.set(row.key, group);
    }
    for (const name of sumNames) group[name] += Number(row[name]);
    group.reasons[row.reason] = (group.reasons[row.reason] ?? 0) + Number(row.authentications);
  }
  return [...byKey.values()];
}

export type PaymentSums = {
  key: string;
  currencyCode: string;
  payments: number;
  amount: number;
  issuerAmount: number;
  merchantAmount: number;
};

export type PaymentStoreDimension = "day" | "week" | "month" | "card_brand" | "reason" | "total";

/** Payments' money per group and currency (never summed across currencies), minor units. */
export async function paymentSums(
  db: Queryable,
  query: Omit<StoreQuery, "by"> & { by: PaymentStoreDimension },
): Promise<PaymentSums[]> {
  const where = filtersToSql(query.filters ?? [], paymentFilterColumns, 3);
  const { rows } = await db.query<{
    key: string;
    currency_code: string;
    payments: number;
    amount: string | number;
    issuer_amount: string | number;
    merchant_amount: string | number;
  }>(
    grouped(
      query.by,
      "currency_code",
      `count(*)::int AS payments, coalesce(sum(amount), 0)::text AS amount,
       coalesce(sum(amount) FILTER (WHERE liable = 'ISSUER'), 0)::text AS issuer_amount,
       coalesce(sum(amount) FILTER (WHERE liable = 'MERCHANT'), 0)::text AS merchant_amount`,
      "analytics_payment",
      `created_at >= $1 AND created_at < $2 AND ${where.sql}`,
    ),
    [query.start.toISOString(), query.end.toISOString(), ...where.params],
  );
  return rows.map((row) => ({
    key: row.key,
    currencyCode: row.currency_code,
    payments: Number(row.payments),
    amount: Number(row.amount),
    issuerAmount: Number(row.issuer_amount),
    merchantAmount: Number(row.merchant_amount),
  }));
}

/** The oldest and newest created_at held, and how many rows, per table. */
export async function storeExtent(db: Queryable) {
  const { rows } = await db.query<{
    authentications: number;
    payments: number;
    oldest: Date | null;
    newest: Date | null;
  }>(
    `SELECT (SELECT count(*)::int FROM analytics_authentication) AS authentications,
            (SELECT count(*)::int FROM analytics_payment) AS payments,
            (SELECT min(created_at) FROM analytics_authentication) AS oldest,
            (SELECT max(created_at) FROM analytics_authentication) AS newest`,
  );
  return rows[0] ?? { authentications: 0, payments: 0, oldest: null, newest: null };
}
