import { eciMeaning, type Period } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { type DrillDown, drillDownLink } from "./drillDownLink.ts";
import { formatDay, type TimeBucket } from "./periodPresets.ts";
import { reasonLabel, reasonSentence } from "./reasonWords.ts";
import type { Group } from "./types.ts";
import type { BreakdownDimension } from "./useAnalyticsData.ts";
import { reasonFlag, versionFlag } from "./versionFlags.ts";

/** One bar / row of a breakdown, ready to show: its words, its flag, and where a click leads. */
export type BreakdownRow = {
  key: string;
  label: string;
  /** A sentence explaining the label (the reason's sentence, the ECI's meaning), if any. */
  description: string | null;
  /** A warning that belongs to the value (a retired 3DS version, the Visa 3DS 1 cut-off). */
  flag: string | null;
  group: Group;
  link: DrillDown;
};

export const dimensionTitles: Record<BreakdownDimension, string> = {
  card_brand: "By card brand",
  threeds_version: "By 3-D Secure version",
  reason: "By reason",
  currency_code: "By currency",
  eci_flag: "By ECI",
};

const none = "(none)";

function describe(by: BreakdownDimension, key: string, period: Period) {
  if (key.trim() === "") return { label: none, description: "The records carry no value here.", flag: null };
  switch (by) {
    case "reason":
      return { label: reasonLabel(key), description: reasonSentence(key), flag: reasonFlag(key) };
    case "threeds_version":
      return { label: key, description: null, flag: versionFlag(key, period) };
    case "eci_flag":
      return { label: `ECI ${key}`, description: eciMeaning(key), flag: null };
    default:
      return { label: key, description: null, flag: null };
  }
}

function whyNot(by: BreakdownDimension, key: string): string {
  if (key.trim() === "") return "the list cannot filter for a missing value";
  if (by === "reason") {
    return "a reason is worked out from several fields in a set order, which the list's filters cannot repeat";
  }
  return "the list's filters cannot express this group";
}

export function breakdownRows(
  by: BreakdownDimension,
  groups: Group[],
  period: Period,
  filters: Filter[] = [],
): BreakdownRow[] {
  return groups.map((group) => {
    const words = describe(by, group.key, period);
    // Every reason row leads to the same closest list, so they share one note (said once above the table).
    const what = by === "reason" ? "the reason clicked" : `“${words.label}”`;
    const link = drillDownLink(group, { period, filters, what, why: whyNot(by, group.key) });
    return { key: group.key, ...words, group, link };
  });
}

/** "3 Nov", "week of 2 Nov", "Nov 2026". */
export function timeLabel(key: string, bucket: TimeBucket): string {
  if (bucket === "month") return formatDay(`${key}-01`).replace(/^1 /, "");
  const day = formatDay(key).replace(/ \d{4}$/, "");
  return bucket === "week" ? `week of ${day}` : day;
}

export function timeRows(groups: Group[], bucket: TimeBucket, period: Period, filters: Filter[] = []): BreakdownRow[] {
  return groups.map((group) => {
    const label = timeLabel(group.key, bucket);
    const link = drillDownLink(group, {
      period,
      filters,
      what: label,
      why: "the list's filters cannot express this group",
    });
    return { key: group.key, label, description: null, flag: null, group, link };
  });
}
