// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeFetch } from "../../test/renderApp.tsx";
import { analyticsServer } from "./fixtures.test-helpers.ts";
import { renderAnalyticsOver } from "./renderAnalytics.test-helpers.tsx";

// What happened, in order: the charts' chunk asked for (its module evaluated), the data asked for and answered.
const events = vi.hoisted(() => [] as string[]);
vi.mock("./AnalyticsCharts.tsx", async (importOriginal) => {
  events.push("charts chunk requested");
  return importOriginal();
});

describe("the Analytics page's first chart", () => {
  it("needs one round trip: its chunk is fetched while the data is, not after the data came", async () => {
    const inner = fakeFetch(analyticsServer().server);
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const holding: typeof fetch = async (url, init) => {
      events.push("data requested");
      await held;
      events.push("data answered");
      return inner(url, init);
    };
    renderAnalyticsOver(holding);
    // The data is held: with the chunk asked for only by the chart, it would never be asked for here.
    await waitFor(() => expect([...events].sort()).toEqual(["charts chunk requested", "data requested"]));
    answer();
    await screen.findAllByTestId("breakdown-row");
    await waitFor(() => expect(screen.queryByLabelText("Loading the chart")).toBeNull());
    expect(events).toHaveLength(3);
    expect(events.at(-1)).toBe("data answered");
  });
});
