import type { Filter } from "../filter.ts";
import { bucketPeriod, type Period, periodInstants, type TimeDimension, timeDimensions } from "./periods.ts";

export const authenticationDimensions = [
  ...timeDimensions,
  "card_brand",
  "threeds_version",
  "currency_code",
  "reason",
  "eci_flag",
] as const;
export type AuthenticationDimension = (typeof authenticationDimensions)[number];

export const paymentDimensions = [...timeDimensions, "card_brand", "reason"] as const;
export type PaymentDimension = (typeof paymentDimensions)[number];

export function isTimeDimension(by: string): by is TimeDimension {
  return (timeDimensions as readonly string[]).includes(by);
}

/**
 * The GET /v2/3d field each value dimension is, or null when no list filter expresses it: a `reason` is the outcome
 * of ordered rules over several fields compared case-insensitively, which Verifone's `eq` (exact) and `~` (substring)
 * cannot reproduce, and the Visa 3DS 1 rule is an exclusion the grammar's AND / OR-of-eq cannot state.
 */
export const dimensionListField: Record<Exclude<AuthenticationDimension, TimeDimension>, string | null> = {
  card_brand: "authentication.card_brand",
  threeds_version: "authentication.threeds_version",
  currency_code: "currency_code",
  eci_flag: "authentication.eci_flag",
  reason: null,
};

/** created_at bounds selecting exactly the period's UTC days, as instants. */
export function periodFilters(period: Period): Filter[] {
  const { start, end } = periodInstants(period);
  return [
    { field: "created_at", op: "gte", value: start },
    { field: "created_at", op: "lte", value: end },
  ];
}

/**
 * Filters for authentications.list selecting exactly the records of one group: the request's `filters`, the group's
 * days (the bucket clipped to the period, or the whole period) as created_at instants, and the group's value; null
 * where the grammar cannot express the group — a reason, or a value that is missing or blank (no operator matches only
 * missing fields, and `eq` refuses an empty value).
 *
 * Several `eq` on one field are OR'ed upstream, so the group's `eq` replaces the request's `eq` on that field (a group
 * the store found under those filters has one of their values) instead of being added to them.
 */
export function drillDown(
  by: AuthenticationDimension,
  key: string,
  period: Period,
  filters: readonly Filter[] = [],
): Filter[] | null {
  if (by === "day" || by === "week" || by === "month") {
    return [...filters, ...periodFilters(bucketPeriod(key, by, period))];
  }
  const field = dimensionListField[by];
  if (field === null || key.trim() === "") return null;
  const others = filters.filter((f) => !(f.field === field && f.op === "eq"));
  return [...others, { field, op: "eq", value: key }, ...periodFilters(period)];
}
