import type { ListCodec } from "./listStateCodec.ts";
import { type UrlStateChange, useUrlState } from "./useUrlState.ts";

type Paged = { skip: number; limit: number };

/** The pagination bar's moves: a whole page back or forward, or another page size. */
export function pageMoves(setState: (change: UrlStateChange<Paged>) => void) {
  return {
    onPrevious: () => setState((s) => ({ skip: Math.max(0, s.skip - s.limit) })),
    onNext: () => setState((s) => ({ skip: s.skip + s.limit })),
    onLimit: (limit: number) => setState({ limit }),
  };
}

/**
 * A list's view (filters, sort, page) in the URL, on the one URL-state layer (useUrlState, nuqs). `codec` is the
 * list's URL format. Changes compose: each one is applied to the view as the previous one left it, even before the
 * router has rendered it.
 */
export function useListState(codec: ListCodec) {
  const { state, problems, setState, dropUnreadable, search } = useUrlState(codec.urlState);
  return { state, problems, setState, dropUnreadable, paging: pageMoves(setState), search };
}
