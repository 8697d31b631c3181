// @vitest-environment jsdom
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { CurrentUserContext } from "../../auth/currentUser.ts";
import { fakeFetch } from "../../test/renderApp.tsx";
import { theme } from "../../theme.ts";
import { makeQueryClient, makeTrpcClient, TRPCProvider } from "../../trpc.ts";
import AnalyticsPage from "./AnalyticsPage.tsx";
import { analyticsServer } from "./fixtures.test-helpers.ts";

const manager = { id: "u1", email: "manager@demo.test", name: "Maya Manager", role: "manager" as const };

describe("the Analytics page's data", () => {
  it("comes in one round trip: every query starts together, none waits for another", async () => {
    const requests: string[] = [];
    const inner = fakeFetch(analyticsServer().server);
    const counting: typeof fetch = (url, init) => {
      requests.push(new URL(String(url)).pathname);
      return inner(url, init);
    };
    const queryClient = makeQueryClient();
    const trpcClient = makeTrpcClient({ url: "http://test/trpc", fetch: counting });
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
