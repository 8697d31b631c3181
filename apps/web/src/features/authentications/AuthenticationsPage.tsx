import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { amountFilterProblems } from "@vbo/domain";
import { authenticationFields, type Filter, filterProblems } from "@vbo/verifone/fields";
import { Suspense } from "react";
import { Outlet } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { applicableFilters } from "../../components/list/filterIssues.ts";
import { ListPage } from "../../components/list/ListPage.tsx";
import { countTotals } from "../../components/list/ListTotals.tsx";
import { retryAll, useListPage } from "../../components/list/useListPage.ts";
import { useTRPC } from "../../trpc.ts";
import { AuthenticationsTable } from "./AuthenticationsTable.tsx";
import { columns, defaultColumnVisibility } from "./columns.tsx";
import { ExportCsvButton } from "./ExportCsvButton.tsx";
import { FilterBar } from "./FilterBar.tsx";
import { SummaryStrip } from "./SummaryStrip.tsx";
import type { AuthenticationView } from "./types.ts";
import { authenticationsListCodec, pageSizes } from "./urlState.ts";

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

const authenticationsList = {
  codec: authenticationsListCodec,
  path: "/authentications",
  columns: defaultColumnVisibility,
  split: splitFilters,
};

export function AuthenticationsPage() {
  const trpc = useTRPC();
  const page = useListPage(authenticationsList, (input, filters, options) => ({
    list: trpc.authentications.list.queryOptions(input, options),
    count: trpc.authentications.count.queryOptions({ filters }, options),
  }));
  const { state, filters, setFilters, list, count, filterIssues } = page;
  const { applied } = filters;
  const summary = useQuery(
    trpc.authentications.summary.queryOptions({ filters: applied }, { placeholderData: keepPreviousData }),
  );

  const items = list.data?.items;
  const outletContext: ListOutletContext = {
    rowById: (id) => items?.find((row) => row._id === id),
    neighbours: (id) => {
      const at = items?.findIndex((row) => row._id === id) ?? -1;
      if (!items || at < 0) return { previous: null, next: null };
      return { previous: items[at - 1]?._id ?? null, next: items[at + 1]?._id ?? null };
    },
  };

  return (
    <ListPage
      title="Authentications"
      noun="authentications"
      views={{ page: "authentications", dates: { kind: "filters", field: "created_at" } }}
      actions={<ExportCsvButton filters={applied} sort={state.sort} total={count.data?.count} />}
      columns={{ ...page.columns, all: columns }}
      filterBar={<FilterBar filters={state.filters} problems={filterIssues} onChange={setFilters} />}
      summary={
        <SummaryStrip summary={summary.data} failed={summary.isError ? errorInfo(summary.error).message : null} />
      }
      totals={countTotals("total-count", count)}
      body={{
        noneAtAll: "Verifone has no 3-D Secure authentications for this account.",
        errorTitle: "The authentications could not be loaded",
        ...page.body,
        onRetry: retryAll(list, count, summary),
        rows: items,
        children: (rows) => <AuthenticationsTable rows={rows} {...page.table} />,
      }}
      view={page}
      pages={{ shown: items?.length ?? 0, total: count.data?.count, sizes: pageSizes }}
    >
      <Suspense fallback={null}>
        <Outlet context={outletContext} />
      </Suspense>
    </ListPage>
  );
}
