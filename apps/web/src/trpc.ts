import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@vbo/api";
import { errorInfo } from "./api/errorInfo.ts";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Put on the sign-in mutation: its UNAUTHORIZED means "wrong password", not "your session has ended". */
export const signInMeta = { signIn: true } as const;

// tRPC's query keys start with the procedure's path; this (partial) key matches the auth.me query.
const meQueryKey = [["auth", "me"]];

export type SessionEvents = {
  /** Any query or mutation answered UNAUTHORIZED: the session ended (idle, expired, disabled, signed out elsewhere). */
  onSessionEnded: () => void;
};

export function makeQueryClient(events?: SessionEvents): QueryClient {
  const onError = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (meta?.signIn) return;
    const { code } = errorInfo(error);
    if (code === "UNAUTHORIZED") events?.onSessionEnded();
    // The role may have changed since the page loaded: ask again, so the navigation and pages follow it.
    else if (code === "FORBIDDEN") void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => onError(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // The API already retries idempotent upstream reads with backoff; the UI shows a Retry button instead.
        retry: false,
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}

// Plain JSON on the wire: no transformer (CONTRACT.md §1).
export function makeTrpcClient(options: { url?: string; fetch?: typeof fetch } = {}) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: options.url ?? "/trpc", fetch: options.fetch })],
  });
}
