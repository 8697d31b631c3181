import { MantineProvider } from "@mantine/core";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";
import { type CurrentUser, CurrentUserContext } from "../auth/currentUser.ts";
import { UrlStateAdapter } from "../components/list/UrlStateAdapter.tsx";
import { theme } from "../theme.ts";
import { TimeZoneContext } from "../time/timeZoneContext.ts";
import { makeQueryClient, makeTrpcClient, TRPCProvider } from "../trpc.ts";

/** One tRPC call as the browser sent it, and the answer to give (the body of one batch entry, and its HTTP status). */
export type Call = { path: string; input: unknown };
export type Answer = { status: number; body: unknown };
export type Server = (call: Call) => Answer | Promise<Answer>;

/** A tRPC error answer as the API sends it (plain JSON, no transformer). */
export function trpcError(
  code: string,
  httpStatus: number,
  message: string,
  extra: Record<string, unknown> = {},
): Answer {
  return { status: httpStatus, body: { error: { message, code: -32000, data: { code, httpStatus, ...extra } } } };
}

export function trpcResult(data: unknown): Answer {
  return { status: 200, body: { result: { data } } };
}

/**
 * fetch for httpBatchLink: reads the batch (paths in the URL, inputs in the body or the query), answers each call
 * with `server`. The HTTP edge of the browser app — everything above it (links, cache, components) is the real code.
 */
export function fakeFetch(server: Server): typeof fetch {
  return async (url, init) => {
    const u = new URL(String(url), "http://test");
    const paths = decodeURIComponent(u.pathname.replace(/^\/trpc\//, "")).split(",");
    const rawInput = init?.method === "POST" ? init.body : u.searchParams.get("input");
    const inputs = (rawInput ? JSON.parse(String(rawInput)) : {}) as Record<string, unknown>;
    const answers = await Promise.all(paths.map((path, i) => server({ path, input: inputs[String(i)] })));
    const status = answers.length === 1 ? (answers[0]?.status ?? 200) : 207;
    return new Response(JSON.stringify(answers.map((a) => a.body)), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
}

type Options = {
  routes: RouteObject[];
  path: string;
  server: Server;
  user?: CurrentUser;
  queryClient?: QueryClient;
  /** The staff member's zone times are shown in: UTC unless given, so nothing depends on the machine's zone. */
  timeZone?: string;
};

/** Renders routes as the app does (Mantine, TanStack Query, tRPC, a router) with the given tRPC answers. */
export function renderApp({ routes, path, server, user, queryClient = makeQueryClient(), timeZone = "UTC" }: Options) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const trpcClient = makeTrpcClient({ url: "http://test/trpc", fetch: fakeFetch(server) });
  const view = render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <CurrentUserContext value={user ?? null}>
            <TimeZoneContext value={{ zone: timeZone, chosen: timeZone, browser: timeZone }}>
              <UrlStateAdapter>
                <RouterProvider router={router} />
              </UrlStateAdapter>
            </TimeZoneContext>
          </CurrentUserContext>
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, router, queryClient };
}
