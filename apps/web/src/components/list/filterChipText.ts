import type { AmountUnits } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { formatDateTime, formatDay, utcDayEndIso, utcDayOf, utcDayStartIso } from "../../time/formatTime.ts";
import { fieldLabel, filterText } from "./fieldLabels.ts";

// How the active filters read as chips. Dates read in the same words as the date filter that sets them: the Created
// picker sends whole UTC days (Verifone takes dates), so a range of days says so — "Created from 1 Nov 2026 to
// 10 Nov 2026 (UTC days)"; a bound at any other instant (typed in the URL or the filter builder) is shown like every
// other time, in the staff member's zone and labelled.

/** One chip: its words and the filters it stands for (by their index in the list). */
export type Chip = { text: string; indexes: number[] };

type Amounts = { units: AmountUnits; currency: string | null };

const dateFields = new Set(["created_at"]);
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day a bound covers in full, if it does: a plain date, or that day's first (gte) / last (lte) instant. */
function wholeUtcDay(filter: Filter): string | null {
  const text = String(filter.value).trim();
  if (dateOnly.test(text)) return text;
  const day = utcDayOf(text);
  if (!day) return null;
  const ms = Date.parse(text);
  if (filter.op === "gte") return ms === Date.parse(utcDayStartIso(day)) ? day : null;
  if (filter.op === "lte") return ms === Date.parse(utcDayEndIso(day)) ? day : null;
  return null;
}

const boundWord = { gte: "from", lte: "to" } as const;

/** "Created from 1 Nov 2026 (UTC day)", "Created to 14 Nov 2026, 23:59 UTC+01:00"; other filters as filterText. */
export function filterChipText(filter: Filter, zone: string, amounts?: Amounts): string {
  if (!dateFields.has(filter.field) || (filter.op !== "gte" && filter.op !== "lte")) {
    return filterText(filter, amounts);
  }
  const label = fieldLabel(filter.field);
  const day = wholeUtcDay(filter);
  if (day) return `${label} ${boundWord[filter.op]} ${formatDay(day)} (UTC day)`;
  const text = String(filter.value);
  const shown = Number.isNaN(Date.parse(text)) ? text : formatDateTime(text, zone);
  return `${label} ${boundWord[filter.op]} ${shown}`;
}

/**
 * The chips of the filters, in order. A field's range of whole UTC days (one gte and one lte, neither with a problem)
 * is one chip, "Created from 1 Nov 2026 to 10 Nov 2026 (UTC days)", that removes both bounds.
 */
export function filterChips(
  filters: readonly Filter[],
  zone: string,
  { amounts, problems }: { amounts?: Amounts; problems?: ReadonlyMap<number, string> } = {},
): Chip[] {
  const merged = new Map<number, Chip>();
  const skip = new Set<number>();
  for (const field of dateFields) {
    const from = filters.findIndex((f) => f.field === field && f.op === "gte");
    const to = filters.findIndex((f) => f.field === field && f.op === "lte");
    if (from < 0 || to < 0 || problems?.has(from) || problems?.has(to)) continue;
    const [fromDay, toDay] = [wholeUtcDay(filters[from] as Filter), wholeUtcDay(filters[to] as Filter)];
    if (!fromDay || !toDay) continue;
    const label = fieldLabel(field);
    const text =
      fromDay === toDay
        ? `${label} on ${formatDay(fromDay)} (UTC day)`
        : `${label} from ${formatDay(fromDay)} to ${formatDay(toDay)} (UTC days)`;
    merged.set(Math.min(from, to), { text, indexes: [from, to] });
    skip.add(Math.max(from, to));
  }
  return filters.flatMap((filter, index): Chip[] => {
    if (skip.has(index)) return [];
    return [merged.get(index) ?? { text: filterChipText(filter, zone, amounts), indexes: [index] }];
  });
}
