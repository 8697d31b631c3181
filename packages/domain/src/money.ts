// Money is an integer count of minor units (cents, fils, yen) plus an ISO 4217 code. Conversions here work on digit
// strings and integers only, never on binary floating point, so 0.1 + 0.2 never happens to an amount.
import { knownCurrencies, nonDefaultExponents } from "./currencies.ts";

export type ParsedAmount = { ok: true; minor: number } | { ok: false; error: string };

function code(currency: string): string {
  return currency.trim().toUpperCase();
}

/** Whether the code is an active ISO 4217 currency with a minor unit. */
export function isKnownCurrency(currency: string): boolean {
  return knownCurrencies.has(code(currency));
}

/** Digits after the decimal point for the currency (ISO 4217); 2 for codes it does not know. */
export function currencyExponent(currency: string): number {
  return nonDefaultExponents[code(currency)] ?? 2;
}

function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor must be a safe integer, got ${minor}`);
}

/** `minorToMajorString(1250, "EUR")` → `"12.50"`, `(1250, "JPY")` → `"1250"`, `(-5, "BHD")` → `"-0.005"`. */
export function minorToMajorString(minor: number, currency: string): string {
  assertMinor(minor);
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * The amount with the currency's ISO exponent and the locale's separators, followed by the code:
 * `formatMoney(1250, "EUR")` → `"12.50 EUR"`, `(125000, "JPY")` → `"125,000 JPY"`, `(1250, "EUR", "de-DE")` →
 * `"12,50 EUR"`. The code comes last in every locale, so a column of amounts reads the same way.
 */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  // Intl formats a decimal string exactly (no float conversion), so large amounts keep every digit.
  const major = minorToMajorString(minor, currency) as `${number}`;
  return `${format.format(major)} ${code(currency)}`;
}

const plainDecimal = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses what a person typed as a major-unit amount ("12.50") into minor units (1250) for the currency.
 * Refuses negatives, anything that is not a plain decimal number, more decimals than the currency has, and amounts
 * beyond Number.MAX_SAFE_INTEGER minor units.
 */
export function parseMajorToMinor(text: string, currency: string): ParsedAmount {
  const input = text.trim();
  const upper = code(currency);
  if (input === "") return { ok: false, error: "enter an amount" };
  if (input.startsWith("-")) return { ok: false, error: "the amount must not be negative" };
  const match = plainDecimal.exec(input);
  if (!match && /^\d+,\d+$/.test(input)) {
    return { ok: false, error: `write decimals with a point (${input.replace(",", ".")}), not a comma` };
  }
  if (!match) return { ok: false, error: `"${input}" is not an amount; write it like 12.50` };
  const [, whole = "", fraction = ""] = match;
  const exponent = currencyExponent(upper);
  if (fraction.length > exponent) {
    const allowed = exponent === 0 ? "no decimals" : `at most ${exponent} decimal${exponent === 1 ? "" : "s"}`;
    return { ok: false, error: `${upper} amounts take ${allowed}` };
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, "0"));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: "the amount is too large" };
  return { ok: true, minor: Number(minor) };
}
