/**
 * How the sandbox decides a lookup's outcome. `encrypted_card` is not really encrypted here: it is base64 of the card
 * JSON Verifone's docs describe (`{"cardNumber":"4000000000003006","expiryMonth":12,"expiryYear":2030,...}`).
 * These Visa test numbers pick an outcome; any other valid card number authenticates frictionlessly (Y).
 */
export type LookupOutcome = { enrolled: string; pares: string | null; signature: string | null };

export const testCardOutcomes: Readonly<Record<string, LookupOutcome & { meaning: string }>> = {
  "4000000000001000": { enrolled: "Y", pares: "Y", signature: "Y", meaning: "frictionless, authenticated" },
  "4000000000002008": { enrolled: "Y", pares: "A", signature: "Y", meaning: "attempted" },
  "4000000000003006": { enrolled: "Y", pares: "C", signature: "Y", meaning: "challenge; finish with /v2/jwt/validate" },
  "4000000000004004": { enrolled: "Y", pares: "N", signature: "Y", meaning: "failed" },
  "4000000000005001": { enrolled: "Y", pares: "U", signature: "Y", meaning: "unavailable" },
  "4000000000006009": { enrolled: "Y", pares: "R", signature: "Y", meaning: "rejected" },
  "4000000000007007": { enrolled: "N", pares: null, signature: null, meaning: "card not enrolled" },
  "4000000000008005": { enrolled: "Y", pares: "Y", signature: "N", meaning: "authenticated, signature invalid" },
};

export const defaultOutcome: LookupOutcome = { enrolled: "Y", pares: "Y", signature: "Y" };

/** Brand from the BIN, spelled as Verifone spells card brands. */
export function brandOfPan(pan: string): string {
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  if (pan.startsWith("4")) return "VISA";
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "MASTERCARD";
  if (two === 34 || two === 37) return "AMEX";
  if (four === 6011 || two === 65 || (four >= 6440 && four <= 6499)) return "DISCOVER";
  if (four >= 3528 && four <= 3589) return "JCB";
  if (two === 36 || two === 38 || two === 39 || (four >= 3000 && four <= 3059)) return "DINERS";
  if (two === 62) return "UPI";
  return "MAESTRO";
}
