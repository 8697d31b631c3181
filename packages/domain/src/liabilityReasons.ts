/** Every reason a liability verdict can give, in the order of the rules of CONTRACT.md §2. */
export const liabilityReasons = [
  "LEGACY_3DS1_VISA",
  "NOT_ENROLLED",
  "ENROLLMENT_UNAVAILABLE",
  "ENROLLMENT_BYPASSED",
  "ENROLLMENT_UNKNOWN",
  "SIGNATURE_INVALID",
  "SIGNATURE_UNKNOWN",
  "AUTHENTICATED",
  "ATTEMPTED",
  "AUTHENTICATION_FAILED",
  "AUTHENTICATION_UNAVAILABLE",
  "AUTHENTICATION_REJECTED",
  "CHALLENGE_PENDING",
  "STATUS_UNKNOWN",
  "NO_3DS",
] as const;

export type LiabilityReason = (typeof liabilityReasons)[number];

/** One sentence per reason, for the liability badge's tooltip. */
export const liabilityReasonText: Record<LiabilityReason, string> = {
  LEGACY_3DS1_VISA:
    "Visa authenticated with 3-D Secure 1 on or after 16 October 2021: Visa no longer shifts liability for 3DS 1.",
  NOT_ENROLLED:
    "The card's issuer does not take part in 3-D Secure (enrolled = N), so liability stays with the merchant.",
  ENROLLMENT_UNAVAILABLE: "The card's 3-D Secure enrolment could not be checked (enrolled = U).",
  ENROLLMENT_BYPASSED: "The 3-D Secure enrolment check was bypassed (enrolled = B).",
  ENROLLMENT_UNKNOWN: "The enrolment status is missing or not a known value, so no liability shift can be assumed.",
  SIGNATURE_INVALID: "The signature of the issuer's authentication response is invalid (signature_verification = N).",
  SIGNATURE_UNKNOWN: "The signature check of the authentication response is missing or not a known value.",
  AUTHENTICATED: "The cardholder was successfully authenticated (pares_status = Y): liability shifts to the issuer.",
  ATTEMPTED: "Authentication was attempted (pares_status = A): liability shifts to the issuer.",
  AUTHENTICATION_FAILED: "The cardholder failed authentication (pares_status = N).",
  AUTHENTICATION_UNAVAILABLE: "Authentication could not be performed (pares_status = U).",
  AUTHENTICATION_REJECTED: "The issuer rejected the authentication (pares_status = R).",
  CHALLENGE_PENDING: "A challenge was required and not completed (pares_status = C).",
  STATUS_UNKNOWN: "The authentication status is missing or not a known value.",
  NO_3DS: "The payment was made without 3-D Secure authentication.",
};
