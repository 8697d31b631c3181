import { describe, expect, it } from "vitest";
import {
  decodeAnalyticsState,
  defaultAnalyticsState,
  encodeAnalyticsState,
  filtersOf,
  periodOf,
} from "./analyticsUrlState.ts";

describe("the Analytics URL", () => {
  it("keeps a relative period as its name", () => {
    const search = encodeAnalyticsState({ preset: "last-7-days", custom: null, compare: true, brand: null });
    expect(search).toBe("period=last-7-days&compare=1");
    const { state, problems } = decodeAnalyticsState(`?${search}`);
    expect(problems).toEqual([]);
    expect(periodOf(state, "2026-12-01")).toEqual({ from: "2026-11-25", to: "2026-12-01" });
    expect(periodOf(state, "2027-01-10")).toEqual({ from: "2027-01-04", to: "2027-01-10" });
  });

  it("round-trips a custom period and compare off", () => {
    const state = {
      preset: "custom" as const,
      custom: { from: "2026-10-01", to: "2026-10-15" },
      compare: false,
      brand: "VISA",
    };
    const search = encodeAnalyticsState(state);
    expect(search).toBe("period=custom&from=2026-10-01&to=2026-10-15&compare=0&brand=VISA");
    expect(filtersOf(state)).toEqual([{ field: "authentication.card_brand", op: "eq", value: "VISA" }]);
    expect(filtersOf({ ...state, brand: null })).toEqual([]);
    expect(decodeAnalyticsState(search)).toEqual({ state, problems: [] });
  });

  it("opens on the last 30 days, compared, without params", () => {
    expect(decodeAnalyticsState("")).toEqual({ state: defaultAnalyticsState, problems: [] });
  });

  it("names what it cannot read and falls back to the default", () => {
    const unknown = decodeAnalyticsState("period=yesterday&compare=yes&brand=");
    expect(unknown.state).toEqual(defaultAnalyticsState);
    expect(unknown.problems.map((p) => p.param)).toEqual(["period", "compare", "brand"]);

    const backwards = decodeAnalyticsState("period=custom&from=2026-10-15&to=2026-10-01");
    expect(backwards.state.preset).toBe("last-30-days");
    expect(backwards.problems).toEqual([
      { param: "from", value: "2026-10-15", message: "from (2026-10-15) is after to (2026-10-01)" },
    ]);

    expect(decodeAnalyticsState("period=custom&from=2026-02-30&to=2026-03-01").problems[0]?.param).toBe("from");
    expect(decodeAnalyticsState("period=custom&from=2020-01-01&to=2026-03-01").problems[0]?.param).toBe("to");
  });
});
