// @vitest-environment jsdom
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { CurrentUserContext } from "../../auth/currentUser.ts";
import { fakeFetch } from "../../test/renderApp.tsx";
import { theme } from "../../theme.ts";
import { makeQueryClient, makeTrpcClient, TRPCProvider } from "../../trpc.ts";
import AnalyticsPage from "./AnalyticsPage.tsx";
import { analyticsServer } from "./fixtures.test-helpers.ts";

// What happened, in order: the charts' chunk asked for (its module evaluated), the data asked for and answered.
const events = vi.hoisted(() => [] as string[]);
vi.mock("./AnalyticsCharts.tsx", async (importOriginal) => {
  events.push("charts chunk requested");
  return importOriginal();
});

const manager = { id: "u1", email: "manager@demo.test", name: "Maya Manager", role: "manager" as const };

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
    const queryClient = makeQueryClient();
    const trpcClient = makeTrpcClient({ url: "http://test/trpc", fetch: holding });
    const router = createMemoryRouter([{ path: "/analytics", element: <AnalyticsPage /> }], {
      initialEntries: ["/analytics?period=last-30-days"],
    });
    render(
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <CurrentUserContext value={manager}>
              <RouterProvider router={router} />
            </CurrentUserContext>
          </TRPCProvider>
        </QueryClientProvider>
      </MantineProvider>,
    );
    // The data is held: with the chunk asked for only by the chart, it would never be asked for here.
    await waitFor(() => expect([...events].sort()).toEqual(["charts chunk requested", "data requested"]));
    answer();
    await screen.findAllByTestId("breakdown-row");
    await waitFor(() => expect(screen.queryByLabelText("Loading the chart")).toBeNull());
    expect(events).toHaveLength(3);
    expect(events.at(-1)).toBe("data answered");
  });
});
