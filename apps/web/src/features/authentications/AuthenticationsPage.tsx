import { Button, CopyButton, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { IconCheck, IconLink } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { VisibilityState } from "@tanstack/react-table";
import { authenticationFields, type Filter, filterProblems } from "@vbo/verifone/fields";
import { Suspense, useMemo } from "react";
import { Outlet, useNavigate } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { useTRPC } from "../../trpc.ts";
import { AuthenticationsTable } from "./AuthenticationsTable.tsx";
import { ColumnChooser } from "./ColumnChooser.tsx";
import { defaultColumnVisibility } from "./columns.tsx";
import { EmptyResults } from "./EmptyResults.tsx";
import { FilterBar } from "./FilterBar.tsx";
import { ListErrorState } from "./ListErrorState.tsx";
import { PaginationBar } from "./PaginationBar.tsx";
import { SummaryStrip } from "./SummaryStrip.tsx";
import type { AuthenticationView } from "./types.ts";
import { UrlProblemsAlert } from "./UrlProblemsAlert.tsx";
import { encodeListState } from "./urlState.ts";
import { useListState } from "./useListState.ts";

/** What the detail drawer (a child route) can borrow from the list: the row, shown while the record loads. */
export type ListOutletContext = { rowById: (id: string) => AuthenticationView | undefined };

/**
 * Filters the catalog rejects are shown with their problem and left out of the query; the rest are applied.
 * `appliedIndex[i]` is the position in the URL's filter list of the i-th applied filter.
 */
function splitFilters(filters: Filter[]) {
  const problems = new Map<number, string>();
  filters.forEach((filter, i) => {
    const [problem] = filterProblems(authenticationFields, [filter]);
    if (problem) problems.set(i, problem.message);
  });
  const appliedIndex = filters.map((_, i) => i).filter((i) => !problems.has(i));
  return { problems, applied: appliedIndex.map((i) => filters[i] as Filter), appliedIndex };
}

export function AuthenticationsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { state, problems: urlProblems, setState, dropUnreadable, search } = useListState();
  const [columnVisibility, setColumnVisibility] = useLocalStorage<VisibilityState>({
    key: "vbo.authentications.columns",
    defaultValue: defaultColumnVisibility,
    getInitialValueInEffect: false,
  });

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

  // Problems the server found (BAD_REQUEST) point into the filters it was sent; show them on the URL's filter.
  const filterIssues = useMemo(() => {
    const issues = new Map(localProblems);
    for (const p of list.error ? errorInfo(list.error).problems : []) {
      const original = p.path[0] === "filters" && typeof p.path[1] === "number" ? appliedIndex[p.path[1]] : undefined;
      if (original !== undefined) issues.set(original, p.message);
    }
    return issues;
  }, [localProblems, list.error, appliedIndex]);

  const items = list.data?.items;
  const total = count.data?.count;
  const setFilters = (filters: Filter[]) => setState({ filters });
  const removeFilter = (index: number) => setFilters(state.filters.filter((_, i) => i !== index));
  const openRow = (id: string) => navigate({ pathname: `/authentications/${encodeURIComponent(id)}`, search });
  const retry = () => {
    void list.refetch();
    if (count.isError) void count.refetch();
    if (summary.isError) void summary.refetch();
  };
  const outletContext: ListOutletContext = { rowById: (id) => items?.find((row) => row._id === id) };

  let body: React.ReactNode;
  if (list.isError) body = <ListErrorState error={list.error} onRetry={retry} retrying={list.isFetching} />;
  else if (!items) body = <Skeleton height={360} data-testid="table-loading" aria-label="Loading authentications" />;
  else if (items.length === 0) {
    body = <EmptyResults filters={state.filters} onRemove={removeFilter} onClearAll={() => setFilters([])} />;
  } else {
    body = (
      <AuthenticationsTable
        rows={items}
        sort={state.sort}
        onSortChange={(sort) => setState({ sort })}
        columnVisibility={columnVisibility}
        onOpen={openRow}
        pageKey={encodeListState(state)}
        busy={list.isPlaceholderData}
      />
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Authentications</Title>
        <CopyButton value={window.location.href}>
          {({ copied, copy }) => (
            <Button
              variant="subtle"
              size="xs"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} /> : <IconLink size={14} />}
            >
              {copied ? "Link copied" : "Copy link to this view"}
            </Button>
          )}
        </CopyButton>
      </Group>
      <UrlProblemsAlert problems={urlProblems} onDrop={dropUnreadable} />
      <FilterBar filters={state.filters} problems={filterIssues} onChange={setFilters} />
      <SummaryStrip summary={summary.data} failed={summary.isError ? errorInfo(summary.error).message : null} />
      <Group justify="space-between" gap="sm">
        <Group gap="md">
          <Text fw={600} data-testid="total-count" data-count={total} aria-busy={count.isPlaceholderData || undefined}>
            {total === undefined ? (count.isError ? "Count unavailable" : "Counting…") : `${total} authentications`}
          </Text>
          {items && items.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="row-range">
              Rows {state.skip + 1}–{state.skip + items.length} of {total ?? "…"}
            </Text>
          )}
        </Group>
        <ColumnChooser visibility={columnVisibility} onChange={setColumnVisibility} />
      </Group>
      {body}
      <PaginationBar
        skip={state.skip}
        limit={state.limit}
        shown={items?.length ?? 0}
        total={total}
        onPrevious={() => setState((s) => ({ skip: Math.max(0, s.skip - s.limit) }))}
        onNext={() => setState((s) => ({ skip: s.skip + s.limit }))}
        onLimit={(limit) => setState({ limit })}
      />
      <Suspense fallback={null}>
        <Outlet context={outletContext} />
      </Suspense>
    </Stack>
  );
}
