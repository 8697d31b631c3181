// Issuer-vs-merchant counts for the dashboard, computed with COUNT queries only.
//
// issuer ⇔ NOT rule 1 ∧ enrolled = Y ∧ signature_verification = Y ∧ pares_status ∈ {Y, A}; everything else is the
// merchant's. So issuer = count(F ∧ base) − count(F ∧ base ∧ rule 1), and merchant = total − issuer.
//
// Upstream, several `eq` filters on one field are OR'ed and everything else is AND'ed, so a constraint on a field the
// user already filters with `eq` must INTERSECT with the user's values, not be appended (appending would widen the OR).
//
// liabilityOf compares case-insensitively; upstream `eq` may be exact. Each required value is therefore sent in the
// spellings Verifone and the card schemes use (Y/y, VISA/Visa/visa), and a user's eq value is kept in the user's own
// spelling when it matches one of ours case-insensitively. That is right whether upstream `eq` is exact or not.
import type { Filter } from "./filter.ts";
import { legacyThreeDSVersions, legacyVisaCutoffDate } from "./liability.ts";

const fold = (value: string | number) => String(value).trim().toLowerCase();

/**
 * `filters` narrowed to records whose `field` is one of `values` (compared case-insensitively), or null when no record
 * can match (the user's eq values on the field and `values` do not meet, or exact `neq` filters exclude every value).
 * Filters on other fields, and neq/like/gte/lte on this one, are kept as they are.
 */
export function constrainFilters(
  filters: readonly Filter[],
  field: string,
  values: readonly string[],
): Filter[] | null {
  const wanted = new Set(values.map(fold));
  const excluded = new Set(filters.filter((f) => f.field === field && f.op === "neq").map((f) => String(f.value)));
  const userEq = filters.filter((f) => f.field === field && f.op === "eq");
  const others = filters.filter((f) => !(f.field === field && f.op === "eq"));
  const chosen =
    userEq.length > 0
      ? userEq.filter((f) => wanted.has(fold(f.value)) && !excluded.has(String(f.value)))
      : values.filter((v) => !excluded.has(v)).map((value): Filter => ({ field, op: "eq", value }));
  return chosen.length === 0 ? null : [...others, ...chosen];
}

function constrainAll(filters: readonly Filter[] | null, constraints: [string, readonly string[]][]): Filter[] | null {
  let result = filters === null ? null : [...filters];
  for (const [field, values] of constraints) {
    if (result === null) return null;
    result = constrainFilters(result, field, values);
  }
  return result;
}

const yes = ["Y", "y"];
/** Spellings of Visa seen in Verifone data: "VISA" in the 3DS API, "Visa" in lookup responses. */
const visa = ["VISA", "Visa", "visa"];

const issuerConstraints: [string, readonly string[]][] = [
  ["authentication.enrolled", yes],
  ["authentication.signature_verification", yes],
  ["authentication.pares_status", ["Y", "y", "A", "a"]],
];
const legacyVisaConstraints: [string, readonly string[]][] = [
  ["authentication.card_brand", visa],
  ["authentication.threeds_version", legacyThreeDSVersions],
];
const afterCutoff: Filter = { field: "created_at", op: "gte", value: legacyVisaCutoffDate };

/** The three COUNT queries behind the liability split; null means "known to be 0, do not ask upstream". */
export type LiabilityCountPlan = { total: Filter[]; issuerBase: Filter[] | null; issuerLegacyVisa: Filter[] | null };

export function liabilityCountPlan(filters: readonly Filter[]): LiabilityCountPlan {
  const issuerBase = constrainAll(filters, issuerConstraints);
  const legacy = constrainAll(issuerBase, legacyVisaConstraints);
  return { total: [...filters], issuerBase, issuerLegacyVisa: legacy && [...legacy, afterCutoff] };
}

export type LiabilityCounts = { total: number; issuer: number; merchant: number };

/** Combines the answers to the plan's queries (0 for a null query) into the split the dashboard shows. */
export function liabilityCountsFrom(counts: { total: number; issuerBase: number; issuerLegacyVisa: number }) {
  const issuer = counts.issuerBase - counts.issuerLegacyVisa;
  return { total: counts.total, issuer, merchant: counts.total - issuer } satisfies LiabilityCounts;
}

/** Quick filters for the authentications list. */
export const liabilityPresets = [
  {
    id: "issuer-eligible",
    label:
      "Liability-shift outcomes: enrolled, valid signature, authenticated or attempted (includes legacy Visa 3DS 1)",
    filters: [
      { field: "authentication.enrolled", op: "eq", value: "Y" },
      { field: "authentication.signature_verification", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "Y" },
      { field: "authentication.pares_status", op: "eq", value: "A" },
    ],
  },
  {
    id: "legacy-visa-3ds1",
    label: "Visa on 3-D Secure 1 since 16 October 2021 (no liability shift)",
    filters: [
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
      ...legacyThreeDSVersions.map((value): Filter => ({ field: "authentication.threeds_version", op: "eq", value })),
      { ...afterCutoff },
    ],
  },
] as const satisfies readonly { id: string; label: string; filters: readonly Filter[] }[];
