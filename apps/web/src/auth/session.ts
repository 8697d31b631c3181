import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
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

/** Signs in, forgets everything cached for whoever was here before, and goes back where the user was going. */
export function useSignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { search } = useLocation();
  return useMutation(
    trpc.auth.login.mutationOptions({
      meta: signInMeta,
      onSuccess: async (data) => {
        queryClient.getQueryCache().clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), data);
        await navigate(afterLoginPathOf(search), { replace: true });
      },
    }),
  );
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
