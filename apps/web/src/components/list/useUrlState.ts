import { type UrlKeys, type UseQueryStatesKeysMap, useQueryStates, type Values } from "nuqs";
import { useCallback, useMemo } from "react";
import { useLocation } from "react-router";

/** A search param that could not be read; it is ignored, and the page says so. */
export type UrlProblem = { param: string; value: string; message: string };

/**
 * One page's state in the URL, on nuqs: a parser per param (the type it reads, its default, how it is written), and
 * the page's rules.
 */
export type UrlStateSpec<P extends UseQueryStatesKeysMap> = {
  parsers: P;
  /** The URL's name of a state key, where it differs (`filters` is `f`). */
  urlKeys?: UrlKeys<P>;
  /** The rules across params, after each param is read (a `skip` in whole pages, a `to` not before `from`). */
  normalize: (state: Values<P>) => Values<P>;
  /** What a change makes of the state: e.g. a new filter goes back to the first page. */
  apply: (current: Values<P>, delta: Partial<Values<P>>) => Values<P>;
  /** What could not be read in a search string, in words (the params the parsers turned down). */
  problems: (search: string) => UrlProblem[];
};

export type UrlStateChange<S> = Partial<S> | ((current: S) => Partial<S>);

/**
 * A page's view lives in the URL. Every change pushes a history entry, so back/forward walk through views; the path
 * is kept, so changing the view with a record drawer open keeps the drawer. A change may be a function of the state
 * as it is when the change lands: nuqs hands each one the state the previous one made, so two changes in one tick
 * (two quick filters, a page size then the next page) compose, and are one history entry.
 */
export function useUrlState<P extends UseQueryStatesKeysMap>(spec: UrlStateSpec<P>) {
  type State = Values<P>;
  const { parsers, urlKeys, normalize, apply, problems: problemsOf } = spec;
  const { search } = useLocation();
  const [read, setQuery] = useQueryStates(parsers, { history: "push", urlKeys });
  const state = useMemo(() => normalize(read), [read, normalize]);
  const problems = useMemo(() => problemsOf(search), [search, problemsOf]);

  const setState = useCallback(
    (change: UrlStateChange<State>) => {
      void setQuery((current) => {
        const base = normalize(current);
        return apply(base, typeof change === "function" ? change(base) : change);
      });
    },
    [setQuery, normalize, apply],
  );

  /** Rewrites the URL from the state as read, dropping the params that could not be read. */
  const dropUnreadable = useCallback(() => void setQuery(state, { history: "replace" }), [setQuery, state]);

  return { state, problems, setState, dropUnreadable, search };
}
