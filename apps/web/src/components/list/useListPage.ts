import type { VisibilityState } from "@tanstack/react-table";
import type { Filter } from "@vbo/verifone/fields";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import type { ListCodec } from "./listStateCodec.ts";
import type { OnFiltersChange } from "./quickFilterModel.ts";
import { useColumnVisibility } from "./useColumnVisibility.ts";
import { useListState } from "./useListState.ts";

/** The filters of the URL split into those sent and why the others are not (by their index in the URL's list). */
type Split = { problems: ReadonlyMap<number, string>; applied: Filter[]; appliedIndex: number[] };

type Options<S extends Split> = {
  /** The list's path: a row opens at `<path>/<id>`, keeping the list's search params. */
  path: string;
  /** The columns shown until the user chooses (the choice is kept in localStorage, per list). */
  columns: VisibilityState;
  /** The page's own reading of its filters (a stable function). */
  split: (filters: Filter[]) => S;
};

/**
 * What a filtered, paged list page holds before its queries: the URL's view (`codec`), its columns, its filters split,
 * and the list query's input.
 */
export function useListPage<S extends Split>(codec: ListCodec, { path, columns: defaults, split }: Options<S>) {
  const navigate = useNavigate();
  const view = useListState(codec);
  const { state, setState, search } = view;
  const [visibility, setVisibility] = useColumnVisibility(`vbo${path.replaceAll("/", ".")}.columns`, defaults);
  const filters = useMemo(() => split(state.filters), [split, state.filters]);
  const setFilters: OnFiltersChange = (update) => setState((current) => ({ filters: update(current.filters) }));
  const openRow = (id: string) => navigate({ pathname: `${path}/${encodeURIComponent(id)}`, search });
  const columns = { visibility, onChange: setVisibility };
  const listInput = { filters: filters.applied, sort: state.sort, limit: state.limit, skip: state.skip };
  return { ...view, filters, setFilters, openRow, columns, listInput };
}

/** Retry of a list page: the rows again, and whichever of the other queries (count, summary) failed. */
export function retryAll(list: { refetch: () => unknown }, ...others: { isError: boolean; refetch: () => unknown }[]) {
  return () => {
    void list.refetch();
    for (const query of others) if (query.isError) void query.refetch();
  };
}
