import type { Random } from "./random.ts";

/** When the seeded records happened: the history ends at the sandbox's `now` (exclusive). */
export type History = {
  readonly fromMs: number;
  readonly endMs: number;
  /** An instant of the history, drawn with `rng`. */
  at(rng: Random): number;
};

const historyStart = Date.UTC(2020, 5, 1); // 2020-06-01

export function historyEndingAt(endMs: number): History {
  const fromMs = Math.min(historyStart, endMs - 365 * 86_400_000);
  return { fromMs, endMs, at: (rng) => fromMs + Math.floor(rng.next() * (endMs - fromMs)) };
}
