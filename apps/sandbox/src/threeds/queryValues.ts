/**
 * Typed filter values. Readings the sandbox picks where Verifone's text is silent (see README):
 * - a date-only value (`2021-10-16`) means that whole UTC day: `[00:00:00.000Z, 23:59:59.999Z]`; a date-time means
 *   that instant (no offset = UTC). `>=` compares with the start, `<=` with the end, `=` is "within", `!=` "outside".
 */
export type TimeInterval = { start: number; end: number };

const dateShape = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const dayMs = 86_400_000;

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** Parses `YYYY-MM-DD` or an ISO 8601 / RFC 3339 date-time, rejecting impossible dates like 2021-02-30. */
export function parseTimeInterval(value: string): TimeInterval | null {
  const m = dateShape.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const dayStart = Date.UTC(year, month - 1, day);
  const check = new Date(dayStart);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (h === undefined) return { start: dayStart, end: dayStart + dayMs - 1 };
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  const offset = offsetMinutes(zone);
  if (hour > 23 || minute > 59 || second > 59 || Math.abs(offset) > 18 * 60) return null;
  const ms = Number((fraction ?? "0").padEnd(3, "0").slice(0, 3));
  const instant = dayStart + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
  return { start: instant, end: instant };
}

const decimal = /^-?\d+(\.\d+)?$/;
/** The spec's `maximum` for amount. */
export const maxAmount = 9007199254740991;

export function parseAmount(value: string): number | null {
  if (!decimal.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) && n <= maxAmount ? n : null;
}
