/** Weighted value tables behind the seeded 3DS records. Brand spellings are the ones Verifone's docs use. */

export type Brand = "VISA" | "MASTERCARD" | "AMEX" | "CB" | "DISCOVER" | "JCB" | "MAESTRO" | "DINERS" | "UPI";

export const brandWeights: readonly (readonly [Brand, number])[] = [
  ["VISA", 40],
  ["MASTERCARD", 30],
  ["AMEX", 8],
  ["CB", 6],
  ["DISCOVER", 5],
  ["JCB", 4],
  ["MAESTRO", 3],
  ["DINERS", 3],
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

export const currencyWeights: readonly (readonly [Currency, number])[] = [
  [{ code: "EUR", exponent: 2, numeric: "978", scale: 1 }, 30],
  [{ code: "USD", exponent: 2, numeric: "840", scale: 1.1 }, 18],
  [{ code: "GBP", exponent: 2, numeric: "826", scale: 0.85 }, 12],
  [{ code: "SEK", exponent: 2, numeric: "752", scale: 11 }, 5],
  [{ code: "NOK", exponent: 2, numeric: "578", scale: 11 }, 4],
  [{ code: "DKK", exponent: 2, numeric: "208", scale: 7.5 }, 4],
  [{ code: "CHF", exponent: 2, numeric: "756", scale: 0.95 }, 4],
  [{ code: "PLN", exponent: 2, numeric: "985", scale: 4.3 }, 3],
  [{ code: "AUD", exponent: 2, numeric: "036", scale: 1.6 }, 3],
  [{ code: "NZD", exponent: 2, numeric: "554", scale: 1.8 }, 3],
  [{ code: "CAD", exponent: 2, numeric: "124", scale: 1.5 }, 3],
  [{ code: "JPY", exponent: 0, numeric: "392", scale: 160 }, 4],
  [{ code: "ISK", exponent: 0, numeric: "352", scale: 150 }, 1],
  [{ code: "KRW", exponent: 0, numeric: "410", scale: 1450 }, 1],
  [{ code: "BHD", exponent: 3, numeric: "048", scale: 0.41 }, 1],
  [{ code: "KWD", exponent: 3, numeric: "414", scale: 0.33 }, 1],
  [{ code: "JOD", exponent: 3, numeric: "400", scale: 0.77 }, 1],
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

/** EMV 3DS transStatusReason values returned as `authentication.status_reason` with N / U / R. */
export const statusReasons: Readonly<Record<"N" | "R" | "U", readonly string[]>> = {
  N: ["01", "11", "08", "20"],
  R: ["09", "10", "12", "13"],
  U: ["05", "06", "07", "14", "15"],
};

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
