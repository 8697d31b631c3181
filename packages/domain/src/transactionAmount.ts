// SURPRISE in Verifone's eCommerce spec: a transaction READ gives `amount` in MAJOR units with decimals — a number in
// GET /api/v2/transactions (12.5), a string in GET /api/v2/transaction/{id} ("12.50") — while refund / capture take an
// integer in MINOR units (1250) and their answers carry minor units too. Everything in domain counts minor units, so
// a read's amount is converted here, exactly (decimal text, never float arithmetic).
import { currencyExponent, parseMajorToMinor } from "./money.ts";

/**
 * A transaction read's `amount` (major units, number or decimal string) as minor units of `currency`, or null when it
 * is missing or not an exact amount in that currency (`12.505` EUR). Trailing zeros beyond the currency's decimals
 * are fine (`"12.500"` EUR is 1250); a leading minus is kept (`"-5.00"` → -500).
 */
export function majorAmountToMinor(amount: number | string | null | undefined, currency: string): number | null {
  if (amount === null || amount === undefined) return null;
  if (typeof amount === "number" && !Number.isFinite(amount)) return null;
  // String(12.5) is "12.5": the shortest text that reads back as the same number, i.e. what the JSON said.
  let text = String(amount).trim();
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1);
  const exponent = currencyExponent(currency);
  const match = /^(\d+)(?:\.(?=\d)(\d*?)0*)?$/.exec(text);
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  if (fraction.length > exponent) return null;
  const parsed = parseMajorToMinor(fraction === "" ? whole : `${whole}.${fraction}`, currency);
  if (!parsed.ok) return null;
  return negative ? -parsed.minor : parsed.minor;
}
