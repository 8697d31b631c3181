import { Group, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { hasCreatedRange, matchesLiabilityFilter } from "@vbo/domain";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { ColumnChooser } from "../../components/list/ColumnChooser.tsx";
import { CopyViewLink } from "../../components/list/CopyViewLink.tsx";
import { useFilterIssues } from "../../components/list/filterIssues.ts";
import { ListBody } from "../../components/list/ListBody.tsx";
import { ListTable } from "../../components/list/ListTable.tsx";
import { ListTotals } from "../../components/list/ListTotals.tsx";
import { PaginationBar } from "../../components/list/PaginationBar.tsx";
import type { OnFiltersChange } from "../../components/list/quickFilterModel.ts";
import { UrlProblemsAlert } from "../../components/list/UrlProblemsAlert.tsx";
import { useColumnVisibility } from "../../components/list/useColumnVisibility.ts";
import { useListState } from "../../components/list/useListState.ts";
import { SavedViewsMenu } from "../../components/views/SavedViewsMenu.tsx";
import { useTRPC } from "../../trpc.ts";
import { defaultTransactionColumnVisibility, transactionColumns } from "./columns.tsx";
import { ExportTransactionsButton } from "./ExportTransactionsButton.tsx";
import { LiabilityFilterNote } from "./LiabilityFilterNote.tsx";
import { splitTransactionFilters, transactionPageSizes, transactionsListCodec } from "./listQuery.ts";
import { TransactionFilterBar } from "./TransactionFilterBar.tsx";
import type { TransactionRow } from "./types.ts";

const rowId = (row: TransactionRow) => row.id;
const testIds = { table: "tx-table", row: "tx-row" };

/** Verifone's transactions (payments, refunds, captures, voids), filtered, sorted and paged through the URL. */
export default function TransactionsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const {
    state,
    problems: urlProblems,
    setState,
    dropUnreadable,
    paging,
    search,
  } = useListState(transactionsListCodec);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(
    "vbo.transactions.columns",
    defaultTransactionColumnVisibility,
  );

  const {
    problems: localProblems,
    applied,
    appliedIndex,
    liability,
  } = useMemo(() => splitTransactionFilters(state.filters), [state.filters]);
  const listInput = { filters: applied, sort: state.sort, limit: state.limit, skip: state.skip };
  const list = useQuery(trpc.transactions.list.queryOptions(listInput, { placeholderData: keepPreviousData }));
  const count = useQuery(
    trpc.transactions.count.queryOptions({ filters: applied }, { placeholderData: keepPreviousData }),
  );
  const filterIssues = useFilterIssues(localProblems, list.error, appliedIndex);

  const fetched = list.data?.items;
  const items = useMemo(
    () => fetched?.filter((row) => matchesLiabilityFilter(row.liability, liability)),
    [fetched, liability],
  );
  const total = count.data?.count;
  // A dated view is counted by listing it, up to a cap: beyond it the count is "more than", and pages are unknown.
  const atLeast = count.data && "atLeast" in count.data ? Boolean(count.data.atLeast) : false;
  const stale = list.isPlaceholderData;
  // Without a created range Verifone lists (and so counts) the last 7 days only: the number says so.
  const defaultWindow = !hasCreatedRange(applied);
  const setFilters: OnFiltersChange = (update) => setState((current) => ({ filters: update(current.filters) }));
  const openRow = (id: string) => navigate({ pathname: `/transactions/${encodeURIComponent(id)}`, search });
  const retry = () => {
    void list.refetch();
    if (count.isError) void count.refetch();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Transactions</Title>
        <Group gap="xs">
          <ExportTransactionsButton filters={applied} sort={state.sort} liability={liability} />
          <SavedViewsMenu
            page="transactions"
            columns={{ visibility: columnVisibility, onChange: setColumnVisibility }}
            dates={{ kind: "filters", field: "created_at" }}
          />
          <CopyViewLink />
        </Group>
      </Group>
      <UrlProblemsAlert problems={urlProblems} onDrop={dropUnreadable} />
      <TransactionFilterBar filters={state.filters} problems={filterIssues} onChange={setFilters} />
      <Group justify="space-between" gap="sm">
        <ListTotals
          noun="transactions"
          testId="tx-total-count"
          total={total}
          counting={count.isPlaceholderData}
          countFailed={count.isError}
          countFailure={count.isError ? errorInfo(count.error).message : null}
          atLeast={atLeast}
          skip={state.skip}
          shown={fetched?.length ?? 0}
          scope={defaultWindow ? "in the last 7 days" : undefined}
        />
        {defaultWindow && (
          <Text size="sm" c="dimmed" data-testid="tx-default-window" me="auto">
            Verifone's default without a Created range
          </Text>
        )}
        <ColumnChooser visibility={columnVisibility} onChange={setColumnVisibility} columns={transactionColumns} />
      </Group>
      {liability.length > 0 && fetched && fetched.length > 0 && (
        <LiabilityFilterNote kept={items?.length ?? 0} fetched={fetched.length} />
      )}
      <ListBody
        noun="transactions"
        noneAtAll="Verifone has no transactions for this account."
        errorTitle="The transactions could not be loaded"
        list={list}
        onRetry={retry}
        rows={items}
        filters={state.filters}
        onFiltersChange={setFilters}
      >
        {(rows) => (
          <ListTable
            rows={rows}
            columns={transactionColumns}
            rowId={rowId}
            testIds={testIds}
            multiSort={false}
            sort={state.sort}
            onSortChange={(sort) => setState({ sort })}
            columnVisibility={columnVisibility}
            onOpen={openRow}
            pageKey={transactionsListCodec.encodeListState(state)}
            busy={stale}
          />
        )}
      </ListBody>
      <PaginationBar
        skip={state.skip}
        limit={state.limit}
        shown={fetched?.length ?? 0}
        total={atLeast ? undefined : total}
        sizes={transactionPageSizes}
        {...paging}
      />
    </Stack>
  );
}
