const countFormat = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** A rate (0..1) as a percentage with one decimal; a rate with nothing to divide by (null) is "—", never 0. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  return `${(rate * 100).toFixed(1)} %`;
}

export type Change = { text: string; direction: "up" | "down" | "flat" | "none" };

function direction(delta: number): Change["direction"] {
  if (delta > 0) return "up";
  if (delta < 0) return "down";
  return "flat";
}

/** A count against the previous period's, in per cent; nothing to compare with when it was 0 or is unknown. */
export function countChange(current: number, previous: number | null | undefined): Change {
  if (previous === null || previous === undefined || previous === 0) return { text: "—", direction: "none" };
  const pct = ((current - previous) / previous) * 100;
  const rounded = Math.round(pct * 10) / 10;
  return { text: `${rounded > 0 ? "+" : ""}${rounded.toFixed(1)} %`, direction: direction(rounded) };
}

/** A rate against the previous period's, in percentage points; "—" when either rate is null. */
export function rateChange(current: number | null, previous: number | null | undefined): Change {
  if (current === null || previous === null || previous === undefined) return { text: "—", direction: "none" };
  const pp = Math.round((current - previous) * 1000) / 10;
  return { text: `${pp > 0 ? "+" : ""}${pp.toFixed(1)} pp`, direction: direction(pp) };
}
