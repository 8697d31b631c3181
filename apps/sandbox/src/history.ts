import type { Random } from "./random.ts";

/**
 * When the seeded records happened. The history ends at the sandbox's `now` (exclusive): about 13 months of a
 * growing European shop (UTC hours, weekday rhythm, the November–December peak), plus a thin tail of older records
 * back to mid-2020, so that the 3-D Secure 1 years (Visa's 2021-10-16 cut-off, 1.0.2 fading out in 2022) are there too.
 */
export type History = {
  /** The oldest possible instant (the tail's start). */
  readonly fromMs: number;
  /** Where the dense recent history starts: 13 months before `endMs`. */
  readonly recentFromMs: number;
  /** `now`: every seeded instant is before it. */
  readonly endMs: number;
  /** An instant of the history, drawn with `rng`. */
  at(rng: Random): number;
};

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
export const recentDays = 396; // 13 months
/** Share of the records in the tail before the recent 13 months. */
export const tailShare = 0.05;
/** Records are at least this long before `now`, so the payment that follows one a moment later is still before it. */
export const historyMarginMs = 5 * 60_000;
const tailStart = Date.UTC(2020, 5, 1); // 2020-06-01
/** The tail's density at its start, relative to its end. */
const tailFloor = 0.25;

/** Shoppers' activity per UTC hour (Europe: quiet at night, a lunch bump, the evening peak). */
const hourWeights = [
  1.2, 0.7, 0.4, 0.3, 0.3, 0.5, 1.0, 2.0, 3.2, 4.0, 4.5, 4.8, 5.0, 5.0, 4.8, 4.6, 4.6, 4.9, 5.5, 6.2, 6.5, 5.8, 4.2,
  2.5,
];
/** Sunday … Saturday: weekdays busy, Saturday quietest, Sunday evening shopping. */
const weekdayWeights = [0.93, 1.06, 1.03, 1.0, 0.98, 0.94, 0.76];

/** Seasonality: Black Friday to Christmas, January sales, a quiet August, the days after Christmas. */
function seasonWeight(day: Date): number {
  const month = day.getUTCMonth();
  const date = day.getUTCDate();
  if (month === 11 && date >= 24 && date <= 26) return 0.7;
  if (month === 10 && date >= 20) return 1.35;
  if (month === 11 && date <= 22) return 1.25;
  if (month === 0 && date <= 15) return 1.1;
  if (month === 7) return 0.88;
  return 1;
}

/** Cumulative weights of every hour of the recent window, oldest first (the last hour is cut at the margin). */
function hourTable(recentFromMs: number, lastMs: number): Float64Array {
  const hours = Math.ceil((lastMs - recentFromMs) / hourMs);
  const cumulative = new Float64Array(hours);
  let total = 0;
  for (let h = 0; h < hours; h++) {
    const startMs = recentFromMs + h * hourMs;
    const day = new Date(startMs);
    const growth = 2 ** ((startMs - recentFromMs) / (lastMs - recentFromMs)); // twice the volume a year on
    const weight =
      growth * (weekdayWeights[day.getUTCDay()] ?? 1) * seasonWeight(day) * (hourWeights[day.getUTCHours()] ?? 1);
    total += weight * (Math.min(hourMs, lastMs - startMs) / hourMs);
    cumulative[h] = total;
  }
  return cumulative;
}

function historyOf(endMs: number): History {
  // Aligned to whole UTC hours so every hour of the day keeps its weight.
  const recentFromMs = Math.floor((endMs - recentDays * dayMs) / hourMs) * hourMs;
  const lastMs = endMs - historyMarginMs;
  const fromMs = Math.min(tailStart, recentFromMs - 365 * dayMs);
  const cumulative = hourTable(recentFromMs, lastMs);
  const total = cumulative[cumulative.length - 1] ?? 1;
  return {
    fromMs,
    recentFromMs,
    endMs,
    at(rng) {
      if (rng.chance(tailShare)) {
        // Thinner the further back: the density rises linearly from a quarter at the tail's start to full at the
        // recent window (inverse of its distribution function).
        const x =
          (-tailFloor + Math.sqrt(tailFloor ** 2 + (1 + tailFloor) * (1 - tailFloor) * rng.next())) / (1 - tailFloor);
        return Math.floor(fromMs + (recentFromMs - fromMs) * x);
      }
      const roll = rng.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((cumulative[mid] as number) <= roll) low = mid + 1;
        else high = mid;
      }
      const startMs = recentFromMs + low * hourMs;
      return Math.floor(startMs + rng.next() * (Math.min(startMs + hourMs, lastMs) - startMs));
    },
  };
}

let cached: History | undefined;

/** The history that ends at `endMs` (built once per `endMs`: a sandbox and its seed functions share it). */
export function historyEndingAt(endMs: number): History {
  if (cached?.endMs !== endMs) cached = historyOf(endMs);
  return cached;
}
