// Verifone's GET /api/v2/transactions takes its created range as created_start / created_end and "A maximum range of
// 1 month of transactions can be queried at a time"; a longer range is refused upstream with a message that does not
// say which filter is at fault. The rule is checked here, once, for the list's filter bar and for the API.
import type { Filter } from "./filter.ts";

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;

/** The first instant a created_at bound covers (a date-only value is that whole UTC day). */
function boundStart(value: Filter["value"]): number {
  const text = String(value).trim();
  return Date.parse(dateOnly.test(text) ? `${text}T00:00:00Z` : text);
}
function boundEnd(value: Filter["value"]): number {
  const text = String(value).trim();
  return dateOnly.test(text) ? Date.parse(`${text}T00:00:00Z`) + dayMs - 1 : Date.parse(text);
}

/** One calendar month after `ms`, in UTC (31 Jan → 28/29 Feb is rolled over the way Date does it: 3 Mar). */
export function oneMonthAfter(ms: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.getTime();
}

export type DateRangeProblem = { index: number; message: string };

/**
 * What is wrong with the created range among `filters` (their first created_at gte and lte): a range longer than one
 * month, or an end before the start — one problem per bound, by the filter's index. Unreadable dates are left to the
 * field catalog's checks.
 */
export function transactionDateRangeProblems(filters: readonly Filter[]): DateRangeProblem[] {
  const from = filters.findIndex((f) => f.field === "created_at" && f.op === "gte");
  const to = filters.findIndex((f) => f.field === "created_at" && f.op === "lte");
  if (from < 0 || to < 0) return [];
  const start = boundStart((filters[from] as Filter).value);
  const end = boundEnd((filters[to] as Filter).value);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  if (end < start) return [{ index: to, message: "created_at: the end of the range is before its start" }];
  if (end > oneMonthAfter(start)) {
    const latest = new Date(oneMonthAfter(start) - 1).toISOString().slice(0, 10);
    const message = `created_at: Verifone lists at most one month of transactions at a time — narrow the range (from this start, end by ${latest})`;
    return [
      { index: from, message },
      { index: to, message },
    ];
  }
  return [];
}

/** Whether `filters` bound created_at at all (Verifone's count endpoint takes no date range). */
export function hasCreatedRange(filters: readonly Filter[]): boolean {
  return filters.some((f) => f.field === "created_at" && (f.op === "gte" || f.op === "lte"));
}
