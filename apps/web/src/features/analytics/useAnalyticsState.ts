import { useCallback, useMemo } from "react";
import { useLocation, useNavigate } from "react-router";
import { type AnalyticsState, decodeAnalyticsState, encodeAnalyticsState } from "./analyticsUrlState.ts";

/** The page's view lives in the URL; every change is a new history entry, so Back returns to the previous view. */
export function useAnalyticsState() {
  const location = useLocation();
  const navigate = useNavigate();
  const { state, problems } = useMemo(() => decodeAnalyticsState(location.search), [location.search]);
  const setState = useCallback(
    (next: AnalyticsState) => {
      const search = `?${encodeAnalyticsState(next)}`;
      if (search !== location.search) void navigate({ pathname: location.pathname, search });
    },
    [navigate, location.pathname, location.search],
  );
  const dropUnreadable = useCallback(
    () => void navigate({ pathname: location.pathname, search: `?${encodeAnalyticsState(state)}` }, { replace: true }),
    [navigate, location.pathname, state],
  );
  return { state, problems, setState, dropUnreadable };
}
