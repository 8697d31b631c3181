/** Weighted value tables behind the seeded 3DS records. Brand spellings are the ones Verifone's docs use. */

export type Brand = "VISA" | "MASTERCARD" | "AMEX" | "CB" | "DISCOVER" | "JCB" | "MAESTRO" | "DINERS" | "UPI";

/** A European merchant's card mix: Visa and Mastercard first, Cartes Bancaires for French shoppers. */
export const brandWeights: readonly (readonly [Brand, number])[] = [
  ["VISA", 47],
  ["MASTERCARD", 35],
  ["CB", 5],
  ["AMEX", 5],
  ["MAESTRO", 3],
  ["DINERS", 1.5],
  ["JCB", 1.3],
  ["DISCOVER", 1.2],
  ["UPI", 1],
];

/** Mastercard-family ECIs are 02 / 01 / 00; everyone else uses 05 / 06 / 07 (see the eci_flag description). */
export function eciFor(brand: string, outcome: "full" | "attempted" | "none"): string {
  const mastercard = brand === "MASTERCARD" || brand === "MAESTRO";
  if (outcome === "full") return mastercard ? "02" : "05";
  if (outcome === "attempted") return mastercard ? "01" : "06";
  return mastercard ? "00" : "07";
}

export type Currency = {
  code: string;
  exponent: number;
  numeric: string /** price level relative to EUR */;
  scale: number;
};

/** Mostly euros, then the European currencies around them, and some shoppers from further away. */
export const currencyWeights: readonly (readonly [Currency, number])[] = [
  [{ code: "EUR", exponent: 2, numeric: "978", scale: 1 }, 46],
  [{ code: "USD", exponent: 2, numeric: "840", scale: 1.1 }, 7],
  [{ code: "GBP", exponent: 2, numeric: "826", scale: 0.85 }, 13],
  [{ code: "SEK", exponent: 2, numeric: "752", scale: 11 }, 6],
  [{ code: "NOK", exponent: 2, numeric: "578", scale: 11 }, 4],
  [{ code: "DKK", exponent: 2, numeric: "208", scale: 7.5 }, 4],
  [{ code: "CHF", exponent: 2, numeric: "756", scale: 0.95 }, 5],
  [{ code: "PLN", exponent: 2, numeric: "985", scale: 4.3 }, 4],
  [{ code: "AUD", exponent: 2, numeric: "036", scale: 1.6 }, 1],
  [{ code: "NZD", exponent: 2, numeric: "554", scale: 1.8 }, 0.5],
  [{ code: "CAD", exponent: 2, numeric: "124", scale: 1.5 }, 1],
  [{ code: "JPY", exponent: 0, numeric: "392", scale: 160 }, 2],
  [{ code: "ISK", exponent: 0, numeric: "352", scale: 150 }, 1],
  [{ code: "KRW", exponent: 0, numeric: "410", scale: 1450 }, 0.5],
  [{ code: "BHD", exponent: 3, numeric: "048", scale: 0.41 }, 0.5],
  [{ code: "KWD", exponent: 3, numeric: "414", scale: 0.33 }, 0.5],
  [{ code: "JOD", exponent: 3, numeric: "400", scale: 0.77 }, 0.5],
];

export function currencyByCode(code: string): Currency | undefined {
  return currencyWeights.find(([c]) => c.code === code)?.[0];
}

/** `authentication.reason_code` / `reason_desc` for failed or unavailable authentications. */
export const failureReasons: Readonly<Record<"N" | "R" | "U", readonly (readonly [string, string])[]>> = {
  N: [
    ["1010", "Card authentication failed"],
    ["1013", "Cardholder failed the challenge"],
  ],
  R: [["1011", "Authentication rejected by the issuer"]],
  U: [
    ["1001", "Error Processing Message Request"],
    ["1002", "Timeout waiting for the ACS response"],
    ["1012", "ACS not available for authentication"],
  ],
};

/**
 * EMV 3DS transStatusReason values returned as `authentication.status_reason` with N / R / U, weighted as issuers
 * send them: 01 card authentication failed, 04 exceeds frequency limit, 05 expired card, 06 invalid card number,
 * 07 invalid transaction, 08 no card record, 09 security failure, 10 stolen card, 11 suspected fraud, 12 not permitted
 * to the cardholder, 13 cardholder not enrolled in service, 14 timed out at the ACS, 19 exceeds the ACS's maximum
 * challenges, 22 ACS technical issue. `challengeN`: a challenge the cardholder failed.
 */
export const statusReasons: Readonly<Record<"N" | "R" | "U" | "challengeN", readonly (readonly [string, number])[]>> = {
  N: [
    ["11", 35],
    ["01", 25],
    ["12", 15],
    ["08", 10],
    ["04", 5],
    ["05", 5],
    ["06", 5],
  ],
  challengeN: [
    ["01", 75],
    ["19", 15],
    ["11", 10],
  ],
  R: [
    ["11", 40],
    ["12", 20],
    ["13", 15],
    ["10", 15],
    ["09", 10],
  ],
  U: [
    ["22", 40],
    ["14", 30],
    ["07", 15],
    ["06", 10],
    ["05", 5],
  ],
};

/**
 * Why a challenge was abandoned (`authentication.challenge_cancel`), and what it left: the cardholder cancelling (01)
 * fails the authentication; time-outs (03 decoupled, 04 at the ACS, 05 first CReq never arrived), errors (06) and
 * unknown causes (07) leave it unavailable. No 08 (time-out at the SDK): the spec's enum spells it "8.0" (a YAML
 * artefact), so a record carrying "08" would break the schema and could not be filtered on.
 */
export const challengeCancels: readonly (readonly [{ code: string; pares: "N" | "U"; reason: string }, number])[] = [
  [{ code: "01", pares: "N", reason: "01" }, 52],
  [{ code: "04", pares: "U", reason: "14" }, 16],
  [{ code: "05", pares: "U", reason: "14" }, 12],
  [{ code: "07", pares: "U", reason: "14" }, 8],
  [{ code: "06", pares: "U", reason: "22" }, 8],
  [{ code: "03", pares: "U", reason: "14" }, 4],
];

export const cardholderInfos = [
  "Additional authentication is required by the issuing bank for this transaction, please contact Anybank at 123-456-7890.",
  "Your bank could not verify this purchase. Please contact your card issuer.",
] as const;

export const acsUrls = [
  "https://merchantacsstag.cardinalcommerce.com/MerchantACSWeb/creq.jsp",
  "https://acs.anybank.example/3ds/challenge",
  "https://secure5.arcot.com/acspage/cap?RID=35325&VAA=B",
  "https://3ds.issuer-acs.example/v2/creq",
] as const;

export const merchantNames = ["Nordic Outdoor AB", "Maison Lumière", "Harbour Books Ltd", "Sakura Tea KK"] as const;
