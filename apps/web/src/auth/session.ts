import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@vbo/api";
import { useLocation, useNavigate } from "react-router";
import { signInMeta, useTRPC } from "../trpc.ts";
import { afterLoginPathOf, loginPathFor, loginPathname } from "./loginRedirect.ts";

type Place = { pathname: string; search: string; hash: string };
/** The part of react-router's data router this needs (a memory router in tests, the browser router in the app). */
export type Navigator = {
  readonly state: { location: Place };
  navigate(to: string, options?: { replace?: boolean }): Promise<void>;
};

/**
 * The session ended under the user's feet (idle 30 min, 12 h old, disabled, signed out elsewhere): go to the sign-in
 * page, remembering where they were, and only then forget every cached answer — the page being left must not refetch.
 */
export async function leaveForSignIn(router: Navigator, queryClient: QueryClient): Promise<void> {
  const { location } = router.state;
  if (location.pathname === loginPathname) return;
  await router.navigate(loginPathFor(location), { replace: true });
  queryClient.clear();
}

/** After the password (and the second factor, when one is due): forget what was cached, go where the user was going. */
export function useSignedIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { search } = useLocation();
  return async (data: NonNullable<RouterOutputs["auth"]["me"]>) => {
    queryClient.getQueryCache().clear();
    queryClient.setQueryData(trpc.auth.me.queryKey(), data);
    await navigate(afterLoginPathOf(search), { replace: true });
  };
}

/**
 * Signs in. When a second factor is due the answer is `{mfa}` and the page asks for a code (useVerifyMfa); otherwise
 * the user goes on (the dashboard then asks for any step still due: a temporary password, a factor to set up).
 */
export function useSignIn() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  return useMutation(
    trpc.auth.login.mutationOptions({
      meta: signInMeta,
      onSuccess: async (data) => {
        if ("user" in data) await signedIn(data);
      },
    }),
  );
}

export function useVerifyMfa() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  return useMutation(trpc.auth.mfa.verify.mutationOptions({ meta: signInMeta, onSuccess: signedIn }));
}

/**
 * Signs out, then shows the sign-in page (a new history entry: Back leads to a page that asks for a session again,
 * with nothing cached to show) and forgets every cached answer and mutation.
 */
export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: async () => {
        await navigate(loginPathname);
        queryClient.clear();
      },
    }),
  );
}
