import { isCardNumber } from "./cardData.ts";

/**
 * Whether a pasted value, as a whole, is a full card number: 13–19 digits (spaces and dashes between groups allowed)
 * that `isCardNumber` takes for a card — Luhn-valid, and not one of Verifone's 3-D Secure order ids (cardData.ts says
 * how the two are told apart).
 */
export function looksLikeCardNumber(value: string): boolean {
  const compact = value.trim().replace(/[\s-]/g, "");
  return /^\d{13,19}$/.test(compact) && isCardNumber(compact);
}

export const cardNumberRefusal =
  "This looks like a full card number. Card numbers are never searched or stored here: search by an id or a reference, or by the last four digits in the list filters.";
