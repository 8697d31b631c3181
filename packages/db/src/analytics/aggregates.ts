// Aggregates over the analytics store: plain SQL GROUP BY per dimension (the queries a columnar engine would take).
import type { Queryable } from "../driver.ts";
import {
  authenticationFilterColumns,
  dailyFilterColumns,
  filtersToSql,
  paymentFilterColumns,
  type StoreFilter,
} from "./storeFilters.ts";

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
type KeyOf = Record<StoreDimension, { group: string; format: (column: string) => string }>;
const keyOf: KeyOf = {
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

/** The same keys over the daily roll-up (migration 007), whose `day` is the UTC date already. */
const dailyKeyOf: KeyOf = {
  ...keyOf,
  day: { group: "day", format: keyOf.day.format },
  week: { group: "date_trunc('week', day::timestamp)::date", format: keyOf.week.format },
  month: { group: "date_trunc('month', day::timestamp)::date", format: keyOf.month.format },
};

/** SELECT … GROUP BY the dimension's key and `extra` columns, the key formatted in an outer query. */
function grouped(
  key: KeyOf[StoreDimension],
  extra: string,
  sums: string,
  from: string,
  where: string,
  having = "",
): string {
  return `SELECT ${key.format("g.k")} AS key, g.* FROM (
    SELECT ${key.group} AS k, ${extra}, ${sums} FROM ${from} WHERE ${where} GROUP BY 1, 2 ${having}) g`;
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

/** The same sums over the daily roll-up: each of its rows holds the count of every fact. */
const dailySumColumns: Record<SumName, string> = {
  authentications: "sum(authentications)",
  issuer: "sum(issuer)",
  merchant: "sum(merchant)",
  frictionless: "sum(frictionless)",
  challenged: "sum(challenged)",
  v2Challenged: "sum(v2_challenged)",
  challengeSucceeded: "sum(challenge_succeeded)",
  abandoned: "sum(abandoned)",
  authenticated: "sum(authenticated)",
  enrolled: "sum(enrolled_y)",
  v2Enrolled: "sum(v2_enrolled)",
};

/** Where sums are read from: the stored authentications, or their daily roll-up. */
export type SumSource = "rows" | "daily";

const dayMs = 86_400_000;
const isMidnight = (instant: Date) => instant.getTime() % dayMs === 0;

/**
 * The daily roll-up answers a query over whole UTC days whose filters all name stored codes (card brand, version,
 * currency, ECI, statuses…); a filter on the amount, the id or an instant needs the rows.
 */
export function sumSourceOf(query: StoreQuery): SumSource {
  const whole = isMidnight(query.start) && isMidnight(query.end);
  return whole && (query.filters ?? []).every((f) => Object.hasOwn(dailyFilterColumns, f.field)) ? "daily" : "rows";
}

/** The statement authenticationSums runs (the benchmark EXPLAINs it). */
export function authenticationSumsStatement(
  query: StoreQuery,
  source: SumSource = sumSourceOf(query),
): { sql: string; params: unknown[] } {
  const daily = source === "daily";
  const where = filtersToSql(query.filters ?? [], daily ? dailyFilterColumns : authenticationFilterColumns, 3);
  const sums = sumNames.map((name) => `${(daily ? dailySumColumns : sumColumns)[name]}::int AS "${name}"`).join(", ");
  const sql = daily
    ? grouped(
        dailyKeyOf[query.by],
        "reason",
        sums,
        "analytics_authentication_daily",
        `day >= $1::date AND day < $2::date AND ${where.sql}`,
        "HAVING sum(authentications) > 0",
      )
    : grouped(
        keyOf[query.by],
        "reason",
        sums,
        "analytics_authentication",
        `created_at >= $1 AND created_at < $2 AND ${where.sql}`,
      );
  const range = daily
    ? [query.start.toISOString().slice(0, 10), query.end.toISOString().slice(0, 10)]
    : [query.start.toISOString(), query.end.toISOString()];
  return { sql, params: [...range, ...where.params] };
}

/**
 * Sums per group (in no particular order; groups without rows are absent). Grouped by (key, reason) in SQL — a reason
 * decides `liable`, so every sum is the sum of its reasons — and folded per key here. `source` only for tests: both
 * give the same answer.
 */
export async function authenticationSums(
  db: Queryable,
  query: StoreQuery,
  source: SumSource = sumSourceOf(query),
): Promise<AuthenticationSums[]> {
  const { sql, params } = authenticationSumsStatement(query, source);
  const { rows } = await db.query<Record<SumName, number> & { key: string; reason: string }>(sql, params);
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
      keyOf[query.by],
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
