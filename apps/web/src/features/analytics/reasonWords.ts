import { type LiabilityReason, liabilityReasonText } from "@vbo/domain";

/**
 * Short words for each liability reason (chart labels, table rows); the sentence of the badge's tooltip
 * (liabilityReasonText in packages/domain) goes with them as the explanation.
 */
export const reasonWords: Record<LiabilityReason, string> = {
  LEGACY_3DS1_VISA: "Visa 3DS 1 after 16 Oct 2021",
  NOT_ENROLLED: "not enrolled",
  ENROLLMENT_UNAVAILABLE: "enrolment unavailable",
  ENROLLMENT_BYPASSED: "enrolment bypassed",
  ENROLLMENT_UNKNOWN: "enrolment unknown",
  SIGNATURE_INVALID: "signature invalid",
  SIGNATURE_UNKNOWN: "signature unknown",
  AUTHENTICATED: "authenticated",
  ATTEMPTED: "attempted",
  AUTHENTICATION_FAILED: "authentication failed",
  AUTHENTICATION_UNAVAILABLE: "authentication unavailable",
  AUTHENTICATION_REJECTED: "rejected by the issuer",
  CHALLENGE_PENDING: "challenge not completed",
  STATUS_UNKNOWN: "status unknown",
  NO_3DS: "no 3-D Secure",
};

export function reasonLabel(code: string): string {
  return (reasonWords as Record<string, string | undefined>)[code] ?? code;
}

export function reasonSentence(code: string): string | null {
  return (liabilityReasonText as Record<string, string | undefined>)[code] ?? null;
}
