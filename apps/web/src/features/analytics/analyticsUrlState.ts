import { type Filter, isIsoDay, type Period, periodDays } from "@vbo/domain";
import { defaultPreset, isPreset, type PeriodPreset, resolvePreset } from "./periodPresets.ts";

/**
 * The Analytics page's view in the URL: `?period=last-7-days&compare=1`, or `?period=custom&from=…&to=…&compare=0`.
 * A relative preset is kept as its name (never frozen into dates), so a shared or saved link stays relative.
 * `compare` is on unless `compare=0`; `brand=VISA` narrows the authentications to one card brand.
 */
export type AnalyticsState = {
  preset: PeriodPreset;
  custom: Period | null;
  compare: boolean;
  /** One card brand (as Verifone spells it), or every brand. */
  brand: string | null;
};

export type UrlProblem = { param: string; value: string; message: string };

/** A custom period may span at most this many days (the store keeps about 400 days of history). */
export const maxCustomDays = 731;

export const defaultAnalyticsState: AnalyticsState = {
  preset: defaultPreset,
  custom: null,
  compare: true,
  brand: null,
};

const maxBrandLength = 40;

export function encodeAnalyticsState(state: AnalyticsState): string {
  const params = new URLSearchParams({ period: state.preset });
  if (state.preset === "custom" && state.custom) {
    params.set("from", state.custom.from);
    params.set("to", state.custom.to);
  }
  params.set("compare", state.compare ? "1" : "0");
  if (state.brand) params.set("brand", state.brand);
  return params.toString();
}

function customProblem(from: string | null, to: string | null): UrlProblem | null {
  if (from === null || !isIsoDay(from)) {
    return { param: "from", value: from ?? "", message: "a custom period needs from=YYYY-MM-DD (a real day)" };
  }
  if (to === null || !isIsoDay(to)) {
    return { param: "to", value: to ?? "", message: "a custom period needs to=YYYY-MM-DD (a real day)" };
  }
  if (from > to) return { param: "from", value: from, message: `from (${from}) is after to (${to})` };
  if (periodDays({ from, to }) > maxCustomDays) {
    return { param: "to", value: to, message: `a period spans at most ${maxCustomDays} days` };
  }
  return null;
}

/** Reads the view from the URL; never throws: what cannot be read is reported and replaced by the default. */
export function decodeAnalyticsState(search: string | URLSearchParams): {
  state: AnalyticsState;
  problems: UrlProblem[];
} {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const problems: UrlProblem[] = [];
  const state: AnalyticsState = { ...defaultAnalyticsState };

  const period = params.get("period");
  if (period !== null) {
    if (!isPreset(period)) {
      problems.push({ param: "period", value: period, message: `unknown period "${period}"` });
    } else if (period === "custom") {
      const from = params.get("from");
      const to = params.get("to");
      const problem = customProblem(from, to);
      if (problem) problems.push(problem);
      else state.custom = { from: from as string, to: to as string };
      if (!problem) state.preset = "custom";
    } else state.preset = period;
  }

  const compare = params.get("compare");
  if (compare === "0") state.compare = false;
  else if (compare !== null && compare !== "1") {
    problems.push({ param: "compare", value: compare, message: "compare is 1 (on) or 0 (off)" });
  }
  const brand = params.get("brand");
  if (brand !== null) {
    if (brand.trim() === "" || brand.length > maxBrandLength) {
      problems.push({ param: "brand", value: brand, message: `a card brand is 1 to ${maxBrandLength} characters` });
    } else state.brand = brand;
  }
  return { state, problems };
}

/** The filters the view puts on authentications (the list's Filter grammar). */
export function filtersOf(state: AnalyticsState): Filter[] {
  return state.brand ? [{ field: "authentication.card_brand", op: "eq", value: state.brand }] : [];
}

/** The days the view covers on `today` (a UTC day). */
export function periodOf(state: AnalyticsState, today: string): Period {
  if (state.preset === "custom" && state.custom) return state.custom;
  return resolvePreset(state.preset === "custom" ? defaultPreset : state.preset, today);
}
