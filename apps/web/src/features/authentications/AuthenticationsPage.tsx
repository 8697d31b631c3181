import { Group, Stack, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { amountFilterProblems } from "@vbo/domain";
import { authenticationFields, type Filter, filterProblems } from "@vbo/verifone/fields";
import { Suspense, useMemo } from "react";
import { Outlet, useNavigate } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { ColumnChooser } from "../../components/list/ColumnChooser.tsx";
import { CopyViewLink } from "../../components/list/CopyViewLink.tsx";
import { applicableFilters, useFilterIssues } from "../../components/list/filterIssues.ts";
import { ListBody } from "../../components/list/ListBody.tsx";
import { ListTotals } from "../../components/list/ListTotals.tsx";
import { PaginationBar } from "../../components/list/PaginationBar.tsx";
import type { OnFiltersChange } from "../../components/list/quickFilterModel.ts";
import { UrlProblemsAlert } from "../../components/list/UrlProblemsAlert.tsx";
import { useColumnVisibility } from "../../components/list/useColumnVisibility.ts";
import { useListState } from "../../components/list/useListState.ts";
import { SavedViewsMenu } from "../../components/views/SavedViewsMenu.tsx";
import { useTRPC } from "../../trpc.ts";
import { AuthenticationsTable } from "./AuthenticationsTable.tsx";
import { columns, defaultColumnVisibility } from "./columns.tsx";
import { ExportCsvButton } from "./ExportCsvButton.tsx";
import { FilterBar } from "./FilterBar.tsx";
import { SummaryStrip } from "./SummaryStrip.tsx";
import type { AuthenticationView } from "./types.ts";
import { authenticationsListCodec, encodeListState, pageSizes } from "./urlState.ts";

/** What the detail drawer (a child route) can borrow from the list: the row, shown while the record loads. */
export type ListOutletContext = {
  rowById: (id: string) => AuthenticationView | undefined;
  /** The records before and after `id` on the page shown, for the drawer's previous / next. */
  neighbours: (id: string) => { previous: string | null; next: string | null };
};

/** Filters the catalog rejects are shown with their problem and left out of the query; the rest are applied. */
function splitFilters(filters: Filter[]) {
  const problems = new Map<number, string>();
  filters.forEach((filter, i) => {
    const [problem] = filterProblems(authenticationFields, [filter]);
    if (problem) problems.set(i, problem.message);
  });
  for (const p of amountFilterProblems(filters)) if (!problems.has(p.index)) problems.set(p.index, p.message);
  return applicableFilters(filters, problems);
}

export function AuthenticationsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const {
    state,
    problems: urlProblems,
    setState,
    dropUnreadable,
    paging,
    search,
  } = useListState(authenticationsListCodec);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(
    "vbo.authentications.columns",
    defaultColumnVisibility,
  );

  const {
    problems: localProblems,
    applied,
    appliedIndex,
  } = useMemo(() => splitFilters(state.filters), [state.filters]);
  const listInput = { filters: applied, sort: state.sort, limit: state.limit, skip: state.skip };
  const list = useQuery(trpc.authentications.list.queryOptions(listInput, { placeholderData: keepPreviousData }));
  const count = useQuery(
    trpc.authentications.count.queryOptions({ filters: applied }, { placeholderData: keepPreviousData }),
  );
  const summary = useQuery(
    trpc.authentications.summary.queryOptions({ filters: applied }, { placeholderData: keepPreviousData }),
  );
  const filterIssues = useFilterIssues(localProblems, list.error, appliedIndex);

  const items = list.data?.items;
  const total = count.data?.count;
  const setFilters: OnFiltersChange = (update) => setState((current) => ({ filters: update(current.filters) }));
  const openRow = (id: string) => navigate({ pathname: `/authentications/${encodeURIComponent(id)}`, search });
  const retry = () => {
    void list.refetch();
    if (count.isError) void count.refetch();
    if (summary.isError) void summary.refetch();
  };
  const outletContext: ListOutletContext = {
    rowById: (id) => items?.find((row) => row._id === id),
    neighbours: (id) => {
      const at = items?.findIndex((row) => row._id === id) ?? -1;
      if (!items || at < 0) return { previous: null, next: null };
      return { previous: items[at - 1]?._id ?? null, next: items[at + 1]?._id ?? null };
    },
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Authentications</Title>
        <Group gap="xs">
          <SavedViewsMenu
            page="authentications"
            columns={{ visibility: columnVisibility, onChange: setColumnVisibility }}
            dates={{ kind: "filters", field: "created_at" }}
          />
          <ExportCsvButton filters={applied} sort={state.sort} total={count.data?.count} />
          <CopyViewLink />
        </Group>
      </Group>
      <UrlProblemsAlert problems={urlProblems} onDrop={dropUnreadable} />
      <FilterBar filters={state.filters} problems={filterIssues} onChange={setFilters} />
      <SummaryStrip summary={summary.data} failed={summary.isError ? errorInfo(summary.error).message : null} />
      <Group justify="space-between" gap="sm">
        <ListTotals
          noun="authentications"
          testId="total-count"
          total={total}
          counting={count.isPlaceholderData}
          countFailed={count.isError}
          skip={state.skip}
          shown={items?.length ?? 0}
        />
        <ColumnChooser visibility={columnVisibility} onChange={setColumnVisibility} columns={columns} />
      </Group>
      <ListBody
        noun="authentications"
        noneAtAll="Verifone has no 3-D Secure authentications for this account."
        errorTitle="The authentications could not be loaded"
        list={list}
        onRetry={retry}
        rows={items}
        filters={state.filters}
        onFiltersChange={setFilters}
      >
        {(rows) => (
          <AuthenticationsTable
            rows={rows}
            sort={state.sort}
            onSortChange={(sort) => setState({ sort })}
            columnVisibility={columnVisibility}
            onOpen={openRow}
            pageKey={encodeListState(state)}
            busy={list.isPlaceholderData}
          />
        )}
      </ListBody>
      <PaginationBar
        skip={state.skip}
        limit={state.limit}
        shown={items?.length ?? 0}
        total={total}
        sizes={pageSizes}
        {...paging}
      />
      <Suspense fallback={null}>
        <Outlet context={outletContext} />
      </Suspense>
    </Stack>
  );
}
