import { currencyExponent, isKnownCurrency, parseMajorToMinor } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { utcDayEndIso, utcDayOf, utcDayStartIso } from "../../time/formatTime.ts";

// Quick filters are views over the one filter list in the URL: each reads and rewrites only its own filters.

/**
 * A change to the list's filters, applied to the filters as they are when it lands — not as they were last rendered,
 * so a second quick filter set before the first has rendered keeps the first.
 */
export type FiltersUpdate = (current: Filter[]) => Filter[];
export type OnFiltersChange = (update: FiltersUpdate) => void;

export const sameFilter = (a: Filter, b: Filter) =>
  a.field === b.field && a.op === b.op && String(a.value) === String(b.value);

/** The values of the `eq` filters on a field (several `eq` on one field mean OR). */
export function eqValues(filters: readonly Filter[], field: string): string[] {
  return filters.filter((f) => f.field === field && f.op === "eq").map((f) => String(f.value));
}

export function withEqValues(filters: readonly Filter[], field: string, values: readonly string[]): Filter[] {
  const others = filters.filter((f) => !(f.field === field && f.op === "eq"));
  return [...others, ...values.map((value): Filter => ({ field, op: "eq", value }))];
}

/**
 * A multi-value picker of a field's `eq` filters: its `value`, and an `onChange` that applies what the user added and
 * removed (after `transform`, without repeats) to the field's values as they are by then.
 */
export function eqPicker(
  filters: Filter[],
  onChange: OnFiltersChange,
  field: string,
  transform: (value: string) => string = (value) => value,
) {
  const shown = eqValues(filters, field);
  return {
    value: shown,
    onChange: (values: string[]) => {
      const picked = values.map(transform);
      const removed = shown.filter((v) => !picked.includes(v));
      const added = picked.filter((v) => !shown.includes(v));
      onChange((current) => {
        const kept = eqValues(current, field).filter((v) => !removed.includes(v));
        return withEqValues(current, field, [...new Set([...kept, ...added])]);
      });
    },
  };
}

export function rangeBound(filters: readonly Filter[], field: string, op: "gte" | "lte"): Filter["value"] | undefined {
  return filters.find((f) => f.field === field && f.op === op)?.value;
}

/** Replaces the `gte`/`lte` filters on a field; `null` removes that bound. */
export function withRange(
  filters: readonly Filter[],
  field: string,
  gte: Filter["value"] | null,
  lte: Filter["value"] | null,
): Filter[] {
  const others = filters.filter((f) => !(f.field === field && (f.op === "gte" || f.op === "lte")));
  const bounds: Filter[] = [];
  if (gte !== null) bounds.push({ field, op: "gte", value: gte });
  if (lte !== null) bounds.push({ field, op: "lte", value: lte });
  return [...others, ...bounds];
}

/** The one currency the view is restricted to, if exactly one is selected and its exponent is known. */
export function singleCurrency(filters: readonly Filter[]): { code: string; exponent: number } | null {
  const codes = eqValues(filters, "currency_code");
  const code = codes.length === 1 ? codes[0] : undefined;
  // An unknown code ("EURO") has no exponent to trust: amounts stay in minor units, as the chip says.
  if (!code || !isKnownCurrency(code)) return null;
  try {
    const exponent = currencyExponent(code);
    return typeof exponent === "number" ? { code, exponent } : null;
  } catch {
    return null;
  }
}

export type AmountResult = { ok: true; minor: number } | { ok: false; error: string };

/**
 * An amount bound typed by the user: in major units (e.g. "12.50") when one currency is selected, converted with
 * that currency's ISO 4217 exponent; otherwise taken as minor units, a whole number.
 */
export function amountToMinor(text: string, currency: string | null): AmountResult {
  const trimmed = text.trim();
  if (currency) return parseMajorToMinor(trimmed, currency);
  if (!/^-?\d+$/.test(trimmed)) {
    return { ok: false, error: "Without one currency selected, amounts are in minor units: enter a whole number" };
  }
  return { ok: true, minor: Number(trimmed) };
}

/** Shows a minor-unit bound back in major units of the currency (or as minor units without one). */
export function minorToAmountText(minor: Filter["value"], currency: { exponent: number } | null): string {
  const text = String(minor);
  if (!currency || currency.exponent === 0 || !/^-?\d+$/.test(text)) return text;
  const negative = text.startsWith("-");
  const digits = (negative ? text.slice(1) : text).padStart(currency.exponent + 1, "0");
  const cut = digits.length - currency.exponent;
  return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/**
 * Date-range bounds: whole UTC days (Verifone takes dates, and its days are UTC days), sent as the day's first and
 * last instant so no reading of a date-only bound is needed. The same whatever zone the staff member shows times in.
 */
export const dayStartIso = utcDayStartIso;
export const dayEndIso = utcDayEndIso;
/** The UTC day a bound falls on, as the date picker shows it. */
export function isoToDay(value: Filter["value"] | undefined): string | null {
  return utcDayOf(value);
}

type Preset = { id: string; label: string; filters: readonly Filter[] };

/** The preset whose filters are all in the view, if any. */
export function activePresetId(filters: readonly Filter[], presets: readonly Preset[]): string | null {
  const active = presets.find(
    (p) => p.filters.length > 0 && p.filters.every((pf) => filters.some((f) => sameFilter(f, pf))),
  );
  return active?.id ?? null;
}

/** Switches presets: the filters of every preset are removed, then those of the chosen one (if any) added. */
export function withPreset(filters: readonly Filter[], presets: readonly Preset[], id: string | null): Filter[] {
  const presetFilters = presets.flatMap((p) => p.filters);
  const others = filters.filter((f) => !presetFilters.some((pf) => sameFilter(f, pf)));
  const chosen = presets.find((p) => p.id === id);
  return [...others, ...(chosen?.filters ?? [])];
}

/**
 * Removes the chip at `index` of the filters as shown; the update finds that same filter in the filters as they are
 * by then, so a removal that lands after another change still removes the right one.
 */
export function removeFilterAt(shown: readonly Filter[], index: number): FiltersUpdate {
  const target = shown[index];
  return (current) => {
    if (!target) return current;
    const at = current.findIndex((f) => sameFilter(f, target));
    return at === -1 ? current : current.filter((_, i) => i !== at);
  };
}
