// The per-authentication facts of CONTRACT.md §5, derived once at sync time and stored with ANALYTICS_RULES_VERSION.
import type { EciCategory } from "../eci.ts";
import { type LiabilityInput, liabilityOf } from "../liability.ts";
import type { LiabilityReason } from "../liabilityReasons.ts";

/** Bump whenever a rule here or in liabilityOf changes: the sync then re-derives every stored row. */
export const ANALYTICS_RULES_VERSION = 1;

type Field = string | null | undefined;

/** Structural, so Verifone's generated ThreeDSAuthentication fits as it is. */
export type AnalyticsAuthenticationInput = LiabilityInput & {
  authentication?:
    | (NonNullable<LiabilityInput["authentication"]> & { challenge_required?: Field; challenge_cancel?: Field })
    | null;
};

export type Flow = "CHALLENGE" | "FRICTIONLESS" | "NONE";

export type AuthenticationFacts = {
  liable: "ISSUER" | "MERCHANT";
  reason: LiabilityReason;
  eci: EciCategory;
  /** threeds_version starts with "2." */
  v2: boolean;
  challenged: boolean;
  flow: Flow;
  /** pares_status ∈ {Y, A} */
  authenticated: boolean;
  /** challenge_cancel present */
  abandoned: boolean;
  /** enrolled = Y */
  enrolled: boolean;
  /** v2 ∧ enrolled = Y: the denominator of the frictionless and challenge rates */
  v2Enrolled: boolean;
  /** flow = FRICTIONLESS ∧ authenticated: the numerator of the frictionless rate */
  frictionlessAuthenticated: boolean;
  /** flow = CHALLENGE ∧ v2: the numerator of the challenge rate */
  v2Challenged: boolean;
  /** flow = CHALLENGE ∧ pares_status = Y */
  challengeSucceeded: boolean;
};

/** Upper-cased and trimmed; blank and missing are both null (as in §2). */
export function normalizedField(value: Field): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toUpperCase();
  return text === "" ? null : text;
}

const frictionlessStatuses = new Set(["Y", "A", "N", "R", "U"]);

/** Every metric of CONTRACT.md §5 for one authentication; liable / reason / eci are liabilityOf's, unchanged. */
export function authenticationFacts(record: AnalyticsAuthenticationInput): AuthenticationFacts {
  const a = record.authentication;
  const { liable, reason, eci } = liabilityOf(record);
  const pares = normalizedField(a?.pares_status);
  const enrolled = normalizedField(a?.enrolled) === "Y";
  const v2 = normalizedField(a?.threeds_version)?.startsWith("2.") ?? false;
  const abandoned = normalizedField(a?.challenge_cancel) !== null;
  const challenged = pares === "C" || normalizedField(a?.challenge_required) === "Y" || abandoned;
  const flow: Flow = challenged
    ? "CHALLENGE"
    : v2 && enrolled && pares !== null && frictionlessStatuses.has(pares)
      ? "FRICTIONLESS"
      : "NONE";
  const authenticated = pares === "Y" || pares === "A";
  return {
    liable,
    reason,
    eci,
    v2,
    challenged,
    flow,
    authenticated,
    abandoned,
    enrolled,
    v2Enrolled: v2 && enrolled,
    frictionlessAuthenticated: flow === "FRICTIONLESS" && authenticated,
    v2Challenged: flow === "CHALLENGE" && v2,
    challengeSucceeded: flow === "CHALLENGE" && pares === "Y",
  };
}
