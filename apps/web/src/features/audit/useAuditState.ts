import { useCallback, useMemo } from "react";
import { useLocation, useNavigate } from "react-router";
import { type AuditState, decodeAuditState, encodeAuditState } from "./auditUrlState.ts";

/**
 * The audit view lives in the URL; every change pushes a history entry so back/forward walk through views.
 * Changing a filter or the page size goes back to the first page.
 */
export function useAuditState() {
  const location = useLocation();
  const navigate = useNavigate();
  const { state, problems } = useMemo(() => decodeAuditState(location.search), [location.search]);

  const setState = useCallback(
    (delta: Partial<AuditState>) => {
      // Build on the URL as it is now (router updates render in a transition; a quick second change must not undo
      // the first).
      const current = decodeAuditState(window.location.search).state;
      const next = { ...current, ...delta };
      if (delta.skip === undefined) next.skip = 0;
      const search = encodeAuditState(next);
      if (`?${search}` !== window.location.search && !(search === "" && window.location.search === "")) {
        navigate({ pathname: window.location.pathname, search });
      }
    },
    [navigate],
  );

  /** Rewrites the URL from the state as read, dropping the params that could not be read. */
  const dropUnreadable = useCallback(
    () => navigate({ pathname: location.pathname, search: encodeAuditState(state) }, { replace: true }),
    [state, navigate, location.pathname],
  );

  return { state, problems, setState, dropUnreadable };
}
