// A stored card as support may see it: the BIN (first 6–8 digits) and the last four, everything between masked.
// Verifone never sends the full number for a token; this still refuses to show more than those digits, whatever
// the fields hold.

const mask = "•";

function digits(value: string | null | undefined): string {
  return (value ?? "").replace(/\D/g, "");
}

/** How many digits the card number has, as far as the brand tells (Amex 15, Diners 14, else 16). */
function panLength(brand: string | null | undefined): number {
  const b = (brand ?? "").toUpperCase().replace(/[^A-Z]/g, "");
  if (b === "AMEX" || b === "AMERICANEXPRESS") return 15;
  if (b === "DINERS" || b === "DINERSCLUB") return 14;
  return 16;
}

/** Amex is printed 4-6-5, Diners 4-6-4, the rest in fours. */
function groups(length: number): number[] {
  if (length === 15) return [4, 6, 5];
  if (length === 14) return [4, 6, 4];
  return [4, 4, 4, 4];
}

/**
 * `4111 11•• •••• 1111`: at most 8 leading digits (the BIN) and exactly the last four; a part that is missing is
 * masked too. Null when neither is known.
 */
export function maskedCardNumber(
  bin: string | null | undefined,
  lastFour: string | null | undefined,
  brand?: string | null,
): string | null {
  const length = panLength(brand);
  const last = digits(lastFour).slice(-4);
  const first = digits(bin).slice(0, Math.min(8, length - 4));
  if (!first && !last) return null;
  const middle = mask.repeat(length - first.length - 4);
  const all = `${first}${middle}${last.padStart(4, mask)}`;
  const parts: string[] = [];
  let at = 0;
  for (const size of groups(length)) {
    parts.push(all.slice(at, at + size));
    at += size;
  }
  return parts.join(" ");
}

/** `•••• 1111`, for short mentions (recent look-ups, the delete dialog). */
export function lastFourMasked(lastFour: string | null | undefined): string {
  const last = digits(lastFour).slice(-4);
  return `${mask.repeat(4)} ${last || mask.repeat(4)}`;
}
