import type { Random } from "../random.ts";
import type { Currency } from "../threeds/seedTables.ts";

/** Value tables behind the seeded transactions. */

/** Where a shopper paying in this currency is (ISO 3166-1 alpha-2, city). */
export const placesByCurrency: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  EUR: [
    ["FR", "Paris"],
    ["DE", "Berlin"],
    ["NL", "Amsterdam"],
    ["FI", "Helsinki"],
    ["IE", "Dublin"],
    ["ES", "Madrid"],
  ],
  USD: [
    ["US", "New York"],
    ["US", "Austin"],
  ],
  GBP: [
    ["GB", "London"],
    ["GB", "Manchester"],
  ],
  SEK: [["SE", "Stockholm"]],
  NOK: [["NO", "Oslo"]],
  DKK: [["DK", "Copenhagen"]],
  CHF: [["CH", "Zurich"]],
  PLN: [["PL", "Warsaw"]],
  AUD: [["AU", "Sydney"]],
  NZD: [["NZ", "Auckland"]],
  CAD: [["CA", "Toronto"]],
  JPY: [["JP", "Tokyo"]],
  ISK: [["IS", "Reykjavik"]],
  KRW: [["KR", "Seoul"]],
  BHD: [["BH", "Manama"]],
  KWD: [["KW", "Kuwait City"]],
  JOD: [["JO", "Amman"]],
};

export const userAgents = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
] as const;

/** Acquirer response codes of declined payments (ISO 8583 style, as `reason_code`). */
export const declineCodes = ["05", "51", "54", "14", "57"] as const;

export const avsResults: readonly (readonly [string, number])[] = [
  ["Y", 55],
  ["A", 10],
  ["Z", 10],
  ["N", 5],
  ["U", 20],
];

/** A price in minor units that looks like one in that currency (yen in tens, three-decimal dinars, …). */
export function priceIn(rng: Random, currency: Currency): number {
  const major = Math.exp(rng.next() * Math.log(800)) * currency.scale;
  if (currency.exponent === 0) return Math.max(10, Math.round(major / 10) * 10);
  const unit = 10 ** currency.exponent;
  const cents =
    currency.exponent === 2 ? rng.pick([0, 99, 50, 95, rng.int(1, 98)]) : rng.pick([0, 500, rng.int(1, 999)]);
  return Math.max(1, Math.floor(major) * unit + cents);
}

/** A part of `amount` (at least 1, less than `amount`), rounded like a price when the currency has no decimals. */
export function partOf(rng: Random, amount: number, exponent: number, low = 0.2, high = 0.8): number {
  const raw = Math.floor(amount * (low + rng.next() * (high - low)));
  const rounded = exponent === 0 ? Math.floor(raw / 10) * 10 : raw;
  return Math.min(amount - 1, Math.max(1, rounded));
}
