import { addDays } from "@vbo/domain";
import { fromWallTime, toWallTime, utcDayOf } from "../../time/formatTime.ts";

/**
 * How a page puts a date range in its URL, so a saved view can keep "the last N days" relative: list pages as two
 * `f=<field>~gte~…` / `f=<field>~lte~…` filters, the audit trail as `from=` / `to=` instants. A view stores
 * `period=last-N-days` instead, and opening it puts the days of the day it is opened back in the URL.
 */
export type DateRangeParams = { kind: "filters"; field: string } | { kind: "instants"; from: string; to: string };

const periodPattern = /^period=last-(\d{1,4})-days$/;
const dayMs = 86_400_000;

/**
 * The zone the range's days are days of: a list's created filters are UTC days (what Verifone takes, what the date
 * filter sends); the audit trail's instants are picked in the staff member's zone.
 */
const zoneFor = (spec: DateRangeParams, zone: string) => (spec.kind === "filters" ? "UTC" : zone);
const dayStart = (day: string, zone: string) => fromWallTime(`${day} 00:00:00`, zone) ?? "";
const dayEnd = (day: string, zone: string) =>
  new Date(Date.parse(fromWallTime(`${addDays(day, 1)} 00:00:00`, zone) ?? "") - 1).toISOString();
const dayIn = (iso: string, zone: string) => toWallTime(iso, zone)?.slice(0, 10) ?? null;
const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

type Bounds = { from: string; to: string };

function split(query: string): string[] {
  return query.split("&").filter((part) => part !== "");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}

/** The parts holding the range's two bounds, and their values. */
function findBounds(parts: string[], spec: DateRangeParams): { indexes: [number, number]; bounds: Bounds } | null {
  let from = -1;
  let to = -1;
  const values: string[] = [];
  parts.forEach((part, i) => {
    const [name = "", ...rest] = part.split("=");
    const value = safeDecode(rest.join("="));
    if (spec.kind === "filters" && name === "f") {
      if (value.startsWith(`${spec.field}~gte~`)) [from, values[0]] = [i, value.slice(spec.field.length + 5)];
      if (value.startsWith(`${spec.field}~lte~`)) [to, values[1]] = [i, value.slice(spec.field.length + 5)];
    }
    if (spec.kind === "instants" && name === spec.from) [from, values[0]] = [i, value];
    if (spec.kind === "instants" && name === spec.to) [to, values[1]] = [i, value];
  });
  if (from < 0 || to < 0 || !values[0] || !values[1]) return null;
  return { indexes: [from, to], bounds: { from: values[0], to: values[1] } };
}

/**
 * The whole days the range covers when it runs from the start of a day to the end of today; else null. `zone`: the
 * staff member's (it counts only for the audit trail's instants).
 */
export function relativeDays(query: string, spec: DateRangeParams, now = new Date(), zone = "UTC"): number | null {
  const found = findBounds(split(query), spec);
  if (!found) return null;
  const days = zoneFor(spec, zone);
  const today = dayIn(now.toISOString(), days);
  const start = dayIn(found.bounds.from, days);
  if (!today || !start || !sameInstant(found.bounds.from, dayStart(start, days))) return null;
  if (!sameInstant(found.bounds.to, dayEnd(today, days))) return null;
  const count = Math.round((Date.parse(today) - Date.parse(start)) / dayMs) + 1;
  return count >= 1 ? count : null;
}

function encodeBound(spec: DateRangeParams, which: "from" | "to", iso: string): string {
  if (spec.kind === "filters")
    return `f=${encodeURIComponent(`${spec.field}~${which === "from" ? "gte" : "lte"}~${iso}`)}`;
  return `${which === "from" ? spec.from : spec.to}=${encodeURIComponent(iso)}`;
}

/** The query with its range as `period=last-N-days` (in the range's place), or null when it is not such a range. */
export function toRelative(query: string, spec: DateRangeParams, now = new Date(), zone = "UTC"): string | null {
  const days = relativeDays(query, spec, now, zone);
  const parts = split(query);
  const found = findBounds(parts, spec);
  if (days === null || !found) return null;
  const [a, b] = found.indexes;
  return parts
    .map((part, i) => (i === Math.min(a, b) ? `period=last-${days}-days` : part))
    .filter((_, i) => i !== Math.max(a, b))
    .join("&");
}

/** The query with `period=last-N-days` replaced by the days it means today. Without a period: as it is. */
export function resolvePeriod(
  query: string,
  spec: DateRangeParams | undefined,
  now = new Date(),
  zone = "UTC",
): string {
  if (!spec) return query;
  const parts = split(query);
  const at = parts.findIndex((part) => periodPattern.test(part));
  if (at < 0) return query;
  const days = Number(periodPattern.exec(parts[at] ?? "")?.[1]);
  const dayZone = zoneFor(spec, zone);
  const today = dayIn(now.toISOString(), dayZone) ?? utcDayOf(now.toISOString()) ?? "";
  const from = encodeBound(spec, "from", dayStart(addDays(today, -(Math.max(1, days) - 1)), dayZone));
  const to = encodeBound(spec, "to", dayEnd(today, dayZone));
  return [...parts.slice(0, at), from, to, ...parts.slice(at + 1)].join("&");
}
