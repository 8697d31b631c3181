// Group counts and rates of CONTRACT.md §5. The store sums the facts in SQL; this turns the sums into a Group.
import type { Filter } from "../filter.ts";
import type { LiabilityReason } from "../liabilityReasons.ts";
import type { AuthenticationFacts } from "./facts.ts";

/** The sums a group is made of. `v2Challenged` feeds the challenge rate only and is not shown. */
export type GroupCounts = {
  authentications: number;
  issuer: number;
  merchant: number;
  /** flow = FRICTIONLESS ∧ authenticated (the frictionless rate's numerator) */
  frictionless: number;
  /** flow = CHALLENGE */
  challenged: number;
  /** flow = CHALLENGE ∧ v2 */
  v2Challenged: number;
  challengeSucceeded: number;
  abandoned: number;
  authenticated: number;
  /** enrolled = Y */
  enrolled: number;
  /** v2 ∧ enrolled = Y */
  v2Enrolled: number;
  reasons: Partial<Record<LiabilityReason, number>>;
};

export type GroupRates = {
  issuerShare: number | null;
  frictionlessRate: number | null;
  challengeRate: number | null;
  challengeSuccess: number | null;
  abandonment: number | null;
  authenticationSuccess: number | null;
};

/** CONTRACT.md §5's `Group`. */
export type AnalyticsGroup = Omit<GroupCounts, "v2Challenged"> & {
  key: string;
  rates: GroupRates;
  drillDown: Filter[] | null;
};

/** CONTRACT.md §5's `MoneyGroup`: one currency of one group, amounts in minor units. */
export type MoneyGroup = {
  key: string;
  currency_code: string;
  payments: number;
  amount: number;
  issuerAmount: number;
  merchantAmount: number;
};

export function emptyGroupCounts(): GroupCounts {
  return {
    authentications: 0,
    issuer: 0,
    merchant: 0,
    frictionless: 0,
    challenged: 0,
    v2Challenged: 0,
    challengeSucceeded: 0,
    abandoned: 0,
    authenticated: 0,
    enrolled: 0,
    v2Enrolled: 0,
    reasons: {},
  };
}

/** Adds one authentication's facts to `counts` (in place) — the in-memory twin of the store's SQL sums. */
export function addFacts(counts: GroupCounts, facts: AuthenticationFacts): GroupCounts {
  counts.authentications += 1;
  if (facts.liable === "ISSUER") counts.issuer += 1;
  else counts.merchant += 1;
  if (facts.frictionlessAuthenticated) counts.frictionless += 1;
  if (facts.flow === "CHALLENGE") counts.challenged += 1;
  if (facts.v2Challenged) counts.v2Challenged += 1;
  if (facts.challengeSucceeded) counts.challengeSucceeded += 1;
  if (facts.abandoned) counts.abandoned += 1;
  if (facts.authenticated) counts.authenticated += 1;
  if (facts.enrolled) counts.enrolled += 1;
  if (facts.v2Enrolled) counts.v2Enrolled += 1;
  counts.reasons[facts.reason] = (counts.reasons[facts.reason] ?? 0) + 1;
  return counts;
}

/** numerator ÷ denominator, or null when the denominator is 0 (shown as "—", never 0 or NaN). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function groupRates(c: GroupCounts): GroupRates {
  return {
    issuerShare: rate(c.issuer, c.authentications),
    frictionlessRate: rate(c.frictionless, c.v2Enrolled),
    challengeRate: rate(c.v2Challenged, c.v2Enrolled),
    challengeSuccess: rate(c.challengeSucceeded, c.challenged),
    abandonment: rate(c.abandoned, c.challenged),
    authenticationSuccess: rate(c.authenticated, c.enrolled),
  };
}

/** The Group the API answers with. */
export function toGroup(key: string, counts: GroupCounts, drillDown: Filter[] | null): AnalyticsGroup {
  const { v2Challenged: _, ...shown } = counts;
  return { key, ...shown, reasons: { ...counts.reasons }, rates: groupRates(counts), drillDown };
}
