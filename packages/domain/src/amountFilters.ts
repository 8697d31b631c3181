// Amount and currency filters as people type them, checked before a list is asked for: what would otherwise reach
// Verifone and fail the whole list (an unknown currency, "12,50") or silently match nothing (an inverted range) is
// said next to the filter instead. Amounts are minor units on 3-D Secure records and major units on transactions.
import type { Filter } from "./filter.ts";
import { formatMoney, isKnownCurrency, parseMajorToMinor } from "./money.ts";

export type AmountUnits = "minor" | "major";
export type FilterProblem = { index: number; message: string };

const decimalComma = /^\s*-?\d+,\d+\s*$/;

/** The one currency the filters restrict the view to (a single, known `currency_code` eq), upper-cased; else null. */
export function filteredCurrency(filters: readonly Filter[]): string | null {
  const codes = filters.filter((f) => f.field === "currency_code" && f.op === "eq").map((f) => String(f.value).trim());
  const [only] = codes;
  return codes.length === 1 && only && isKnownCurrency(only) ? only.toUpperCase() : null;
}

/**
 * Problems of the amount and currency filters, by index: a currency code ISO 4217 does not know, an amount written
 * with a decimal comma, and an amount range whose upper bound is below its lower one.
 */
export function amountFilterProblems(filters: readonly Filter[]): FilterProblem[] {
  const problems: FilterProblem[] = [];
  filters.forEach((f, index) => {
    if (f.field === "currency_code" && !isKnownCurrency(String(f.value).trim())) {
      problems.push({ index, message: `currency_code: "${f.value}" is not an ISO 4217 currency code (e.g. EUR, USD)` });
    }
    if (f.field === "amount" && typeof f.value === "string" && decimalComma.test(f.value)) {
      const fixed = f.value.trim().replace(",", ".");
      problems.push({ index, message: `amount: write decimals with a point (${fixed}), not a comma` });
    }
  });
  const from = filters.findIndex((f) => f.field === "amount" && f.op === "gte");
  const to = filters.findIndex((f) => f.field === "amount" && f.op === "lte");
  const low = Number(filters[from]?.value);
  const high = Number(filters[to]?.value);
  if (from >= 0 && to >= 0 && Number.isFinite(low) && Number.isFinite(high) && high < low) {
    problems.push({ index: to, message: "amount: the upper bound is below the lower one — nothing could match" });
  }
  return problems;
}

/**
 * An amount filter's value in words: "50.00 EUR" in the view's one currency, otherwise the number with its unit
 * ("5000 minor units"; "50.5, no currency chosen").
 */
export function amountValueText(value: Filter["value"], units: AmountUnits, currency: string | null): string {
  const text = String(value).trim();
  if (currency) {
    if (units === "minor" && /^\d+$/.test(text)) return formatMoney(Number(text), currency);
    if (units === "major") {
      const parsed = parseMajorToMinor(text, currency);
      if (parsed.ok) return formatMoney(parsed.minor, currency);
    }
    return `${text} ${currency}`;
  }
  return units === "minor" ? `${text} minor units` : `${text} (major units, no currency chosen)`;
}
