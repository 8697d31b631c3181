import { type EciCategory, eciCategory } from "./eci.ts";
import type { LiabilityReason } from "./liabilityReasons.ts";

export type Liability = { liable: "ISSUER" | "MERCHANT"; reason: LiabilityReason; eci: EciCategory };

type Field = string | null | undefined;

/** Structural, so Verifone's generated ThreeDSAuthentication (and a transaction's 3DS block) fit as they are. */
export type LiabilityInput = {
  created_at?: string | null;
  authentication?: {
    card_brand?: Field;
    threeds_version?: Field;
    enrolled?: Field;
    signature_verification?: Field;
    pares_status?: Field;
    eci_flag?: Field;
  } | null;
};

/** Visa stopped shifting liability for 3DS 1 authentications from this day on (UTC). */
export const legacyVisaCutoffDate = "2021-10-16";
/** The 3-D Secure 1 versions there are; rule 1 matches any version starting with "1.". */
export const legacyThreeDSVersions = ["1.0", "1.0.1", "1.0.2"] as const;

/** Upper-cased and trimmed; blank and missing are both null. */
function normalized(value: Field): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toUpperCase();
  return text === "" ? null : text;
}

const isoDateTime = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The UTC calendar date (YYYY-MM-DD) of an ISO 8601 date or date-time, or null when it is not one.
 * A date-time without an offset is read as UTC (never as the machine's local time).
 */
export function utcDateOf(value: string | null | undefined): string | null {
  const match = value ? isoDateTime.exec(value.trim()) : null;
  if (!match) return null;
  const [, date, time, zone] = match;
  const offset = zone ? zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : "Z";
  const dayMs = Date.parse(`${date}T00:00Z`);
  const ms = Date.parse(`${date}T${time ?? "00:00"}${offset}`);
  if (Number.isNaN(dayMs) || Number.isNaN(ms)) return null;
  // Some engines roll 2021-02-30 over to March; refuse dates that do not exist.
  if (new Date(dayMs).toISOString().slice(0, 10) !== date) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

function isLegacyVisa(input: LiabilityInput): boolean {
  const auth = input.authentication;
  if (normalized(auth?.card_brand) !== "VISA") return false;
  if (!normalized(auth?.threeds_version)?.startsWith("1.")) return false;
  const day = utcDateOf(input.created_at);
  return day !== null && day >= legacyVisaCutoffDate;
}

const enrolmentReasons: Record<string, LiabilityReason> = {
  N: "NOT_ENROLLED",
  U: "ENROLLMENT_UNAVAILABLE",
  B: "ENROLLMENT_BYPASSED",
};
const paresReasons: Record<string, LiabilityReason> = {
  N: "AUTHENTICATION_FAILED",
  U: "AUTHENTICATION_UNAVAILABLE",
  R: "AUTHENTICATION_REJECTED",
  C: "CHALLENGE_PENDING",
};

function verdict(input: LiabilityInput): { liable: Liability["liable"]; reason: LiabilityReason } {
  const auth = input.authentication;
  if (isLegacyVisa(input)) return { liable: "MERCHANT", reason: "LEGACY_3DS1_VISA" };
  const enrolled = normalized(auth?.enrolled);
  if (enrolled !== "Y") return { liable: "MERCHANT", reason: enrolmentReasons[enrolled ?? ""] ?? "ENROLLMENT_UNKNOWN" };
  const signature = normalized(auth?.signature_verification);
  if (signature !== "Y") {
    return { liable: "MERCHANT", reason: signature === "N" ? "SIGNATURE_INVALID" : "SIGNATURE_UNKNOWN" };
  }
  const pares = normalized(auth?.pares_status);
  if (pares === "Y") return { liable: "ISSUER", reason: "AUTHENTICATED" };
  if (pares === "A") return { liable: "ISSUER", reason: "ATTEMPTED" };
  return { liable: "MERCHANT", reason: paresReasons[pares ?? ""] ?? "STATUS_UNKNOWN" };
}

/**
 * Who carries fraud liability for a 3-D Secure authentication, by the rules of CONTRACT.md §2 (first match wins;
 * values compared case-insensitively; blank counts as missing).
 */
export function liabilityOf(input: LiabilityInput): Liability {
  return { ...verdict(input), eci: eciCategory(input.authentication?.eci_flag) };
}

/** The verdict for a payment made without any 3-D Secure authentication. */
export function liabilityWithout3DS(eci?: string | number | null): Liability {
  return { liable: "MERCHANT", reason: "NO_3DS", eci: eciCategory(eci) };
}
