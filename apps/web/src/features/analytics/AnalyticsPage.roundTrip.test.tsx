// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeFetch } from "../../test/renderApp.tsx";
import { analyticsServer } from "./fixtures.test-helpers.ts";
import { renderAnalyticsOver } from "./renderAnalytics.test-helpers.tsx";

describe("the Analytics page's data", () => {
  it("comes in one round trip: every query starts together, none waits for another", async () => {
    const requests: string[] = [];
    const inner = fakeFetch(analyticsServer().server);
    const counting: typeof fetch = (url, init) => {
      requests.push(new URL(String(url)).pathname);
      return inner(url, init);
    };
    renderAnalyticsOver(counting);
    await screen.findAllByTestId("breakdown-row");
    expect(requests).toHaveLength(1);
    const paths = decodeURIComponent(requests[0] ?? "")
      .replace("/trpc/", "")
      .split(",");
    expect(paths.sort()).toEqual([
      ...Array(6).fill("analytics.authentications"),
      "analytics.payments",
      "analytics.status",
      // The saved-views menu's list travels in the same batch: still one round trip.
      "views.list",
    ]);
  });
});
