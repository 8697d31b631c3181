// Shapes the store's sums into CONTRACT.md §5's answers: every bucket of a time dimension, values by count.
import { analytics, type Queryable } from "@vbo/db";
import {
  type AnalyticsGroup,
  type AuthenticationDimension,
  bucketKeys,
  drillDown,
  emptyGroupCounts,
  type Filter,
  type GroupCounts,
  isTimeDimension,
  type MoneyGroup,
  type PaymentDimension,
  type Period,
  periodFilters,
  periodInstants,
  previousPeriod,
  toGroup,
} from "@vbo/domain";
import { completeFrom, readSyncStates } from "./storeStatus.ts";

type PeriodQuery<D> = { from: string; to: string; by: D; filters: Filter[]; compare: boolean };

/** [start, end) instants of the period's UTC days. */
function bounds(period: Period) {
  const { start, end } = periodInstants(period);
  return { start: new Date(start), end: new Date(Date.parse(end) + 1) };
}

const periodKey = (period: Period) => `${period.from}..${period.to}`;

function countsOf(sums: analytics.AuthenticationSums | undefined): GroupCounts {
  if (!sums) return emptyGroupCounts();
  const { key: _, ...counts } = sums;
  return counts as GroupCounts;
}

/** Every record is in exactly one group, so the period's total is the sum of its groups (no second scan). */
function sumOf(groups: readonly analytics.AuthenticationSums[]): GroupCounts {
  const total = emptyGroupCounts();
  for (const g of groups) {
    for (const name of Object.keys(total) as (keyof GroupCounts)[]) {
      if (name !== "reasons") total[name] += g[name];
    }
    for (const [reason, n] of Object.entries(g.reasons)) {
      const r = reason as keyof GroupCounts["reasons"];
      total.reasons[r] = (total.reasons[r] ?? 0) + n;
    }
  }
  return total;
}

async function totalGroup(db: Queryable, period: Period, filters: Filter[]): Promise<AnalyticsGroup> {
  const [sums] = await analytics.authenticationSums(db, { ...bounds(period), by: "total", filters });
  return toGroup(periodKey(period), countsOf(sums), [...filters, ...periodFilters(period)]);
}

export async function authenticationsAnswer(db: Queryable, input: PeriodQuery<AuthenticationDimension>) {
  const period = { from: input.from, to: input.to };
  const [sums, previous, [state]] = await Promise.all([
    analytics.authenticationSums(db, { ...bounds(period), by: input.by, filters: input.filters }),
    input.compare ? totalGroup(db, previousPeriod(period), input.filters) : undefined,
    readSyncStates(db),
  ]);
  const total = toGroup(periodKey(period), sumOf(sums), [...input.filters, ...periodFilters(period)]);
  const byKey = new Map(sums.map((s) => [s.key, s]));
  const keys = isTimeDimension(input.by)
    ? bucketKeys(period, input.by)
    : [...sums].sort((a, b) => b.authentications - a.authentications || a.key.localeCompare(b.key)).map((s) => s.key);
  const rows = keys.map((key) =>
    toGroup(key, countsOf(byKey.get(key)), drillDown(input.by, key, period, input.filters)),
  );
  return {
    rows,
    total,
    ...(previous ? { previous } : {}),
    syncedThrough: state.watermark?.toISOString() ?? null,
    complete: completeFrom(state, bounds(period).start),
  };
}

function toMoneyGroup(key: string, s: analytics.PaymentSums | undefined, currency: string): MoneyGroup {
  return {
    key,
    currency_code: currency,
    payments: s?.payments ?? 0,
    amount: s?.amount ?? 0,
    issuerAmount: s?.issuerAmount ?? 0,
    merchantAmount: s?.merchantAmount ?? 0,
  };
}

const byPaymentsThenKey = (a: MoneyGroup, b: MoneyGroup) =>
  b.payments - a.payments || a.key.localeCompare(b.key) || a.currency_code.localeCompare(b.currency_code);

async function moneyTotal(db: Queryable, period: Period, filters: Filter[]): Promise<MoneyGroup[]> {
  const sums = await analytics.paymentSums(db, { ...bounds(period), by: "total", filters });
  return sums.map((s) => toMoneyGroup(periodKey(period), s, s.currencyCode)).sort(byPaymentsThenKey);
}

export async function paymentsAnswer(db: Queryable, input: PeriodQuery<PaymentDimension>) {
  const period = { from: input.from, to: input.to };
  const [sums, total, previous, [, state]] = await Promise.all([
    analytics.paymentSums(db, { ...bounds(period), by: input.by, filters: input.filters }),
    moneyTotal(db, period, input.filters),
    input.compare ? moneyTotal(db, previousPeriod(period), input.filters) : undefined,
    readSyncStates(db),
  ]);
  let rows: MoneyGroup[];
  if (isTimeDimension(input.by)) {
    // Every bucket, once per currency the period has (empty buckets included, at 0).
    const currencies = total.map((t) => t.currency_code).sort();
    const found = new Map(sums.map((s) => [`${s.key} ${s.currencyCode}`, s]));
    rows = bucketKeys(period, input.by).flatMap((key) =>
      currencies.map((currency) => toMoneyGroup(key, found.get(`${key} ${currency}`), currency)),
    );
  } else {
    rows = sums.map((s) => toMoneyGroup(s.key, s, s.currencyCode)).sort(byPaymentsThenKey);
  }
  return {
    rows,
    total,
    ...(previous ? { previous } : {}),
    syncedThrough: state.watermark?.toISOString() ?? null,
    complete: completeFrom(state, bounds(period).start),
  };
}
