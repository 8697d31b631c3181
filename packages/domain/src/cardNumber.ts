/** Mod-10 (Luhn) check over a string of digits. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether a pasted value is shaped like a full card number: 13–19 digits (spaces and dashes between groups allowed)
 * that pass the Luhn check. Numbers starting with 8 are left alone: that major industry identifier is not a payment
 * card's, and Verifone's 3-D Secure order ids are 16-digit mod-10 numbers in its "800…" range.
 */
export function looksLikeCardNumber(value: string): boolean {
  const compact = value.trim().replace(/[\s-]/g, "");
  if (!/^\d{13,19}$/.test(compact) || compact.startsWith("8")) return false;
  return isLuhnValid(compact);
}

export const cardNumberRefusal =
  "This looks like a full card number. Card numbers are never searched or stored here: search by an id or a reference, or by the last four digits in the list filters.";
