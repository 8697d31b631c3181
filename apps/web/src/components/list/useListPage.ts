import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import type { VisibilityState } from "@tanstack/react-table";
import type { Filter } from "@vbo/verifone/fields";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { useFilterIssues } from "./filterIssues.ts";
import type { ListCodec, ListState } from "./listStateCodec.ts";
import type { OnFiltersChange } from "./quickFilterModel.ts";
import { useColumnVisibility } from "./useColumnVisibility.ts";
import { useListState } from "./useListState.ts";

/** The filters of the URL split into those sent and why the others are not (by their index in the URL's list). */
type Split = { problems: ReadonlyMap<number, string>; applied: Filter[]; appliedIndex: number[] };

/** A list definition: its URL codec, path, default columns and reading of its filters. */
export type ListDefinition<S extends Split> = {
  codec: ListCodec;
  /** The list's path: a row opens at `<path>/<id>`, keeping the list's search params. */
  path: string;
  /** The columns shown until the user chooses (the choice is kept in localStorage, per list). */
  columns: VisibilityState;
  /** The page's own reading of its filters (a stable function). */
  split: (filters: Filter[]) => S;
};

/** The list's two queries (tRPC's queryOptions), given the list input and the filters sent. */
type Queries<L, C, E, KL extends QueryKey, KC extends QueryKey> = (
  input: ListState,
  filters: Filter[],
  options: { placeholderData: typeof keepPreviousData },
) => { list: UseQueryOptions<L, E, L, KL>; count: UseQueryOptions<C, E, C, KC> };

/**
 * A filtered, paged list page: the URL's view, its columns, its filters split, its list and count queries (each new
 * view shows the previous rows until its own arrive), and the filters' problems with those the server found.
 */
export function useListPage<S extends Split, L, C, E, KL extends QueryKey, KC extends QueryKey>(
  definition: ListDefinition<S>,
  queries: Queries<L, C, E, KL, KC>,
) {
  const { codec, path, columns: defaults, split } = definition;
  const navigate = useNavigate();
  const view = useListState(codec);
  const { state, setState, search } = view;
  const [visibility, setVisibility] = useColumnVisibility(`vbo${path.replaceAll("/", ".")}.columns`, defaults);
  const filters = useMemo(() => split(state.filters), [split, state.filters]);
  const setFilters: OnFiltersChange = (update) => setState((current) => ({ filters: update(current.filters) }));
  const openRow = (id: string) => navigate({ pathname: `${path}/${encodeURIComponent(id)}`, search });
  const columns = { visibility, onChange: setVisibility };
  const input = { filters: filters.applied, sort: state.sort, limit: state.limit, skip: state.skip };
  const options = queries(input, filters.applied, { placeholderData: keepPreviousData });
  const list = useQuery(options.list);
  const count = useQuery(options.count);
  const filterIssues = useFilterIssues(filters.problems, list.error, filters.appliedIndex);
  /** What the table of the page takes from the view: its sort, its columns, which row opens, when it is stale. */
  const table = {
    sort: state.sort,
    onSortChange: (sort: ListState["sort"]) => setState({ sort }),
    columnVisibility: visibility,
    onOpen: openRow,
    pageKey: codec.encodeListState(state),
    busy: list.isPlaceholderData,
  };
  /** What the list body takes from the view: the list query, the filters (chips when nothing matches). */
  const body = { list, filters: state.filters, onFiltersChange: setFilters };
  return { ...view, filters, setFilters, openRow, columns, list, count, filterIssues, table, body };
}

/** Retry of a list page: the rows again, and whichever of the other queries (count, summary) failed. */
export function retryAll(list: { refetch: () => unknown }, ...others: { isError: boolean; refetch: () => unknown }[]) {
  return () => {
    void list.refetch();
    for (const query of others) if (query.isError) void query.refetch();
  };
}
