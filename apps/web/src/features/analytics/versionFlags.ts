import { legacyVisaCutoffDate, type Period } from "@vbo/domain";
import { formatDay } from "./periodPresets.ts";

/** 3-D Secure versions the card schemes retired, and the last day they were supported (EMVCo / scheme bulletins). */
export const retiredVersions: readonly { version: string; lastDay: string }[] = [
  { version: "1.0.2", lastDay: "2022-10-15" },
  { version: "2.1.0", lastDay: "2024-09-24" },
];

/** What a reader must know about a 3DS version in this period, or null: e.g. "retired after 15 Oct 2022". */
export function versionFlag(version: string, period: Period): string | null {
  const retired = retiredVersions.find((r) => r.version === version.trim());
  if (retired && period.to > retired.lastDay) return `retired after ${formatDay(retired.lastDay)}`;
  if (version.trim().startsWith("1.") && period.to >= legacyVisaCutoffDate) {
    return `3DS 1: no liability shift for Visa since ${formatDay(legacyVisaCutoffDate)}`;
  }
  return null;
}

/** The flag of the Visa 3DS 1 reason row. */
export function reasonFlag(reason: string): string | null {
  return reason === "LEGACY_3DS1_VISA" ? `Visa cut-off: ${formatDay(legacyVisaCutoffDate)}` : null;
}

/** The Visa cut-off day when it falls inside the period (to be marked on a time chart). */
export function visaCutoffIn(period: Period): string | null {
  return period.from <= legacyVisaCutoffDate && legacyVisaCutoffDate <= period.to ? legacyVisaCutoffDate : null;
}
