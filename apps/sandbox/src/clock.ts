/**
 * The sandbox's clock. The seeded history ends at `now` (SANDBOX_NOW, default: the real time at start-up); from then
 * on the clock runs at real speed, so a record created a second after start-up is dated a second after the history,
 * whatever instant `now` pins. Without SANDBOX_NOW the clock is the real time.
 */
export type Clock = () => number;

export function startClock(nowMs: number, realNow: () => number = Date.now): Clock {
  const startedAt = realNow();
  return () => nowMs + (realNow() - startedAt);
}

/** The instant forms SANDBOX_NOW and the `now` option take. */
export type Instant = number | string | Date;

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * An ISO 8601 date-time (`2026-11-15T09:30:00Z`; no offset means UTC) as epoch milliseconds, or null when it is not
 * one (or names an impossible date).
 */
export function parseDateTime(text: string): number | null {
  const trimmed = text.trim();
  if (!dateTime.test(trimmed)) return null;
  const withZone = /(Z|[+-]\d{2}:\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) return null;
  // Date.parse rolls 2026-02-30 over to March: compare the calendar date back (in UTC when no offset was given).
  const [year, month, day] = trimmed.slice(0, 10).split("-").map(Number);
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(trimmed);
  const shift = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
  const local = new Date(ms + shift);
  if (local.getUTCFullYear() !== year || local.getUTCMonth() + 1 !== month || local.getUTCDate() !== day) return null;
  return ms;
}

export function instantMs(instant: Instant): number {
  if (typeof instant === "number") {
    if (!Number.isFinite(instant)) throw new Error(`now must be a finite epoch-millisecond time (got ${instant})`);
    return instant;
  }
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new Error("now must be a valid Date");
    return ms;
  }
  const ms = parseDateTime(instant);
  if (ms === null)
    throw new Error(`now must be an ISO 8601 date-time such as 2026-11-15T09:30:00Z (got ${JSON.stringify(instant)})`);
  return ms;
}
