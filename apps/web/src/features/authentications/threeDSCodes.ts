// Meanings of Verifone's 3-D Secure result codes, as the 3DS Authentication API reference documents them.

export const paresStatusMeaning: Record<string, string> = {
  Y: "Authenticated",
  A: "Attempted",
  N: "Failed",
  U: "Unable to complete",
  R: "Rejected",
  C: "Challenge required",
};

export const enrolledMeaning: Record<string, string> = {
  Y: "Yes, the bank takes part in 3-D Secure",
  N: "No, the bank does not take part",
  U: "Unavailable (directory server or ACS unreachable)",
  B: "Bypassed (authentication skipped)",
};

export const signatureMeaning: Record<string, string> = {
  Y: "Valid: the PARes signature checked out",
  N: "Invalid: the PARes signature did not check out",
};

export const challengeCancelMeaning: Record<string, string> = {
  "01": "Cardholder selected Cancel",
  "03": "Transaction timed out at the ACS (other timeouts)",
  "04": "Transaction timed out at the ACS (first CReq not received)",
  "05": "Transaction error",
  "06": "Unknown",
  "07": "Transaction timed out at the SDK",
};

export const authenticationTypeMeaning: Record<string, string> = {
  "01": "Static",
  "02": "Dynamic",
  "03": "Out of band",
};

/** Values worth suggesting in the filter builder for free-text fields whose values Verifone documents. */
export const knownValues: Record<string, readonly string[]> = {
  "authentication.pares_status": Object.keys(paresStatusMeaning),
  "authentication.enrolled": Object.keys(enrolledMeaning),
  "authentication.signature_verification": Object.keys(signatureMeaning),
  "authentication.eci_flag": ["00", "01", "02", "05", "06", "07"],
  "authentication.challenge_required": ["Y", "N"],
  "authentication.authentication_type": Object.keys(authenticationTypeMeaning),
  "authentication.threeds_version": ["1.0.2", "2.1.0", "2.2.0"],
  "authentication.card_brand": ["VISA", "MASTERCARD", "AMEX", "JCB", "DINERS", "DISCOVER"],
  currency_code: ["EUR", "USD", "GBP", "SEK", "DKK", "NOK", "JPY", "BHD", "KWD", "AUD", "NZD"],
};

export function meaning(table: Record<string, string>, code: string | undefined): string | undefined {
  return code === undefined ? undefined : table[code.toUpperCase()];
}
