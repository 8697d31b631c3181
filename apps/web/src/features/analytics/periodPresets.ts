// The Analytics page's periods: presets resolve to inclusive UTC days ("YYYY-MM-DD") against today's UTC date, so a
// saved or shared link to "last 7 days" stays relative and means the last 7 days whenever it is opened.

import { addDays, type Period, periodDays } from "@vbo/domain";
import { formatDay, utcDayOf } from "../../time/formatTime.ts";

export const periodPresets = [
  { id: "last-7-days", label: "Last 7 days" },
  { id: "last-30-days", label: "Last 30 days" },
  { id: "last-90-days", label: "Last 90 days" },
  { id: "this-month", label: "This month" },
  { id: "last-month", label: "Last month" },
  { id: "custom", label: "Custom" },
] as const;

export type PeriodPreset = (typeof periodPresets)[number]["id"];
export type RelativePreset = Exclude<PeriodPreset, "custom">;

export const defaultPreset: RelativePreset = "last-30-days";

export function isPreset(value: string): value is PeriodPreset {
  return periodPresets.some((p) => p.id === value);
}

/** The UTC calendar day of an instant. */
export function utcToday(now: Date): string {
  return utcDayOf(now.toISOString()) ?? "";
}

/** The days a relative preset covers on `today` (a UTC day): the last N days end today, months are calendar months. */
export function resolvePreset(preset: RelativePreset, today: string): Period {
  switch (preset) {
    case "last-7-days":
      return { from: addDays(today, -6), to: today };
    case "last-30-days":
      return { from: addDays(today, -29), to: today };
    case "last-90-days":
      return { from: addDays(today, -89), to: today };
    case "this-month":
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case "last-month": {
      const firstOfThisMonth = `${today.slice(0, 7)}-01`;
      const to = addDays(firstOfThisMonth, -1);
      return { from: `${to.slice(0, 7)}-01`, to };
    }
  }
}

export type TimeBucket = "day" | "week" | "month";

/** How finely "over time" is cut: days up to about a quarter, weeks up to about a year, months beyond. */
export function timeBucketFor(period: Period): TimeBucket {
  const days = periodDays(period);
  if (days <= 92) return "day";
  if (days <= 400) return "week";
  return "month";
}

/** "3 Nov 2026" for "2026-11-03" (the dashboard's one day format). */
export { formatDay } from "../../time/formatTime.ts";

/** "1 Nov 2026 – 30 Nov 2026", or one day when from = to. */
export function formatPeriod(period: Period): string {
  return period.from === period.to ? formatDay(period.from) : `${formatDay(period.from)} – ${formatDay(period.to)}`;
}
