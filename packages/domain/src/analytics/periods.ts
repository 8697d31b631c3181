// UTC periods and buckets for analytics: a period is a pair of inclusive UTC days, "YYYY-MM-DD".
export const timeDimensions = ["day", "week", "month"] as const;
export type TimeDimension = (typeof timeDimensions)[number];

export type Period = { from: string; to: string };

const dayMs = 86_400_000;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function dayToMs(day: string): number {
  if (!isIsoDay(day)) throw new RangeError(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return Date.parse(`${day}T00:00:00Z`);
}

const msToDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The number of days of an inclusive period (1 for from = to). */
export function periodDays(period: Period): number {
  return Math.round((dayToMs(period.to) - dayToMs(period.from)) / dayMs) + 1;
}

/** The first and last instant of the period, as the ISO date-times a created_at filter takes. */
export function periodInstants(period: Period): { start: string; end: string } {
  return {
    start: new Date(dayToMs(period.from)).toISOString(),
    end: new Date(dayToMs(period.to) + dayMs - 1).toISOString(),
  };
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  const start = dayToMs(period.from);
  return { from: msToDay(start - days * dayMs), to: msToDay(start - dayMs) };
}

/** The UTC day `days` before (negative: after) `day`. */
export function addDays(day: string, days: number): string {
  return msToDay(dayToMs(day) + days * dayMs);
}

/** The bucket of an instant: its UTC day, the Monday starting its ISO week, or its month ("2026-11"). */
export function bucketKey(instant: Date | string, by: TimeDimension): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  const day = msToDay(ms);
  if (by === "day") return day;
  if (by === "month") return day.slice(0, 7);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return msToDay(dayToMs(day) - weekday * dayMs);
}

/** The days a bucket spans, clipped to the period. */
export function bucketPeriod(key: string, by: TimeDimension, period: Period): Period {
  const first = by === "month" ? `${key}-01` : key;
  let last: string;
  if (by === "day") last = key;
  else if (by === "week") last = addDays(key, 6);
  else {
    const start = new Date(dayToMs(first));
    last = msToDay(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) - dayMs);
  }
  const from = [first, period.from].sort()[1] as string;
  const to = [last, period.to].sort()[0] as string;
  return { from, to };
}

/** Every bucket key of the period, in order, the empty ones included. */
export function bucketKeys(period: Period, by: TimeDimension): string[] {
  const keys: string[] = [];
  const end = dayToMs(period.to);
  let ms = dayToMs(period.from);
  while (ms <= end) {
    const key = bucketKey(new Date(ms), by);
    if (keys[keys.length - 1] !== key) keys.push(key);
    ms += dayMs;
  }
  return keys;
}
