// Renders the Analytics page over a given fetch (to see which requests it makes, and when), for component tests only.
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { CurrentUserContext } from "../../auth/currentUser.ts";
import { theme } from "../../theme.ts";
import { makeQueryClient, makeTrpcClient, TRPCProvider } from "../../trpc.ts";
import AnalyticsPage from "./AnalyticsPage.tsx";

const manager = { id: "u1", email: "manager@demo.test", name: "Maya Manager", role: "manager" as const };

export function renderAnalyticsOver(fetch: typeof globalThis.fetch, path = "/analytics?period=last-30-days") {
  const queryClient = makeQueryClient();
  const trpcClient = makeTrpcClient({ url: "http://test/trpc", fetch });
  const router = createMemoryRouter([{ path: "/analytics", element: <AnalyticsPage /> }], { initialEntries: [path] });
  return render(
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
}
