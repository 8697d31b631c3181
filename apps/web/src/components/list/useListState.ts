import { useCallback, useMemo, useRef } from "react";
import { useLocation, useNavigate } from "react-router";
import type { ListCodec, ListState } from "./listStateCodec.ts";

type Change = Partial<ListState> | ((current: ListState) => Partial<ListState>);

/**
 * The list view lives in the URL. Every change pushes a history entry, so back/forward walk through views;
 * the path is kept, so changing the view with the detail drawer open keeps the drawer. `codec` is the list's URL
 * format.
 */
export function useListState(codec: ListCodec) {
  const { decodeListState, encodeListState } = codec;
  const location = useLocation();
  const navigate = useNavigate();
  const { state, problems } = useMemo(() => decodeListState(location.search), [location.search, decodeListState]);
  const pending = usePendingSearches(location.search);

  const setState = useCallback(
    (change: Change) => {
      // Build on the view as last asked for, not as last rendered: router updates render in a transition, and a quick
      // second change (a second quick filter, the next page right after a new page size) must not undo the first.
      const current = decodeListState(pending.latest()).state;
      const delta = typeof change === "function" ? change(current) : change;
      const next = { ...current, ...delta };
      // A new filter, sort or page size starts at the first page; only explicit paging keeps `skip`.
      if (delta.skip === undefined && (delta.filters || delta.sort || delta.limit)) {
        next.skip = delta.limit ? Math.floor(current.skip / delta.limit) * delta.limit : 0;
      }
      const search = `?${encodeListState(next)}`;
      if (search === pending.latest()) return;
      pending.push(search);
      navigate({ pathname: location.pathname, search });
    },
    [navigate, decodeListState, encodeListState, pending, location.pathname],
  );

  /** Rewrites the URL from the state as read, dropping the params that could not be read. */
  const dropUnreadable = useCallback(
    () => navigate({ pathname: location.pathname, search: `?${encodeListState(state)}` }, { replace: true }),
    [state, navigate, location.pathname, encodeListState],
  );

  /** The pagination bar's moves: a whole page back or forward, or another page size. */
  const paging = {
    onPrevious: () => setState((s) => ({ skip: Math.max(0, s.skip - s.limit) })),
    onNext: () => setState((s) => ({ skip: s.skip + s.limit })),
    onLimit: (limit: number) => setState({ limit }),
  };

  return { state, problems, setState, dropUnreadable, paging, search: location.search };
}

/**
 * The searches this list has navigated to that have not rendered yet. Rendering one of them settles it and every
 * earlier one; rendering anything else (back/forward, a link) means the user went elsewhere, and forgets them all.
 */
function usePendingSearches(rendered: string) {
  const ref = useRef<{ rendered: string; queue: string[] } | null>(null);
  if (ref.current === null) ref.current = { rendered, queue: [] };
  const box = ref.current;
  if (box.rendered !== rendered) {
    const at = box.queue.indexOf(rendered);
    box.queue = at === -1 ? [] : box.queue.slice(at + 1);
    box.rendered = rendered;
  }
  return useMemo(
    () => ({
      latest: () => box.queue.at(-1) ?? box.rendered,
      push: (search: string) => box.queue.push(search),
    }),
    [box],
  );
}
