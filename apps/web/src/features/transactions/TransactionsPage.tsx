import { Button, CopyButton, Group, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { IconCheck, IconLink } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { VisibilityState } from "@tanstack/react-table";
import type { Filter } from "@vbo/verifone/fields";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { useTRPC } from "../../trpc.ts";
import { ColumnChooser } from "../authentications/ColumnChooser.tsx";
import { EmptyResults } from "../authentications/EmptyResults.tsx";
import { ListErrorState } from "../authentications/ListErrorState.tsx";
import { ListTable } from "../authentications/ListTable.tsx";
import { PaginationBar } from "../authentications/PaginationBar.tsx";
import { UrlProblemsAlert } from "../authentications/UrlProblemsAlert.tsx";
import { useListState } from "../authentications/useListState.ts";
import { defaultTransactionColumnVisibility, transactionColumns } from "./columns.tsx";
import { splitTransactionFilters, transactionPageSizes, transactionsListCodec } from "./listQuery.ts";
import { TransactionFilterBar } from "./TransactionFilterBar.tsx";
import type { TransactionRow } from "./types.ts";

const rowId = (row: TransactionRow) => row.id;
const testIds = { table: "tx-table", row: "tx-row" };

/** Verifone's transactions (payments, refunds, captures, voids), filtered, sorted and paged through the URL. */
export default function TransactionsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { state, problems: urlProblems, setState, dropUnreadable, search } = useListState(transactionsListCodec);
  const [columnVisibility, setColumnVisibility] = useLocalStorage<VisibilityState>({
    key: "vbo.transactions.columns",
    defaultValue: defaultTransactionColumnVisibility,
    getInitialValueInEffect: false,
  });

  const {
    problems: localProblems,
    applied,
    appliedIndex,
  } = useMemo(() => splitTransactionFilters(state.filters), [state.filters]);
  const listInput = { filters: applied, sort: state.sort, limit: state.limit, skip: state.skip };
  const list = useQuery(trpc.transactions.list.queryOptions(listInput, { placeholderData: keepPreviousData }));
  const count = useQuery(
    trpc.transactions.count.queryOptions({ filters: applied }, { placeholderData: keepPreviousData }),
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
  const openRow = (id: string) => navigate({ pathname: `/transactions/${encodeURIComponent(id)}`, search });
  const retry = () => {
    void list.refetch();
    if (count.isError) void count.refetch();
  };

  let body: React.ReactNode;
  if (list.isError) {
    body = (
      <ListErrorState
        error={list.error}
        onRetry={retry}
        retrying={list.isFetching}
        title="The transactions could not be loaded"
      />
    );
  } else if (!items) body = <Skeleton height={360} data-testid="table-loading" aria-label="Loading transactions" />;
  else if (items.length === 0) {
    body = (
      <EmptyResults
        filters={state.filters}
        onRemove={removeFilter}
        onClearAll={() => setFilters([])}
        noun="transactions"
        noneAtAll="Verifone has no transactions for this account."
      />
    );
  } else {
    body = (
      <ListTable
        rows={items}
        columns={transactionColumns}
        rowId={rowId}
        testIds={testIds}
        multiSort={false}
        sort={state.sort}
        onSortChange={(sort) => setState({ sort })}
        columnVisibility={columnVisibility}
        onOpen={openRow}
        pageKey={transactionsListCodec.encodeListState(state)}
        busy={list.isPlaceholderData}
      />
    );
  }

  const countFailure = count.isError ? errorInfo(count.error).message : null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Transactions</Title>
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
      <TransactionFilterBar filters={state.filters} problems={filterIssues} onChange={setFilters} />
      <Group justify="space-between" gap="sm">
        <Group gap="md">
          <Tooltip label={countFailure ?? ""} disabled={!countFailure} multiline maw={360}>
            <Text
              fw={600}
              data-testid="tx-total-count"
              data-count={total}
              aria-busy={count.isPlaceholderData || undefined}
            >
              {total === undefined ? (count.isError ? "Count unavailable" : "Counting…") : `${total} transactions`}
            </Text>
          </Tooltip>
          {items && items.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="row-range">
              Rows {state.skip + 1}–{state.skip + items.length} of {total ?? "…"}
            </Text>
          )}
        </Group>
        <ColumnChooser visibility={columnVisibility} onChange={setColumnVisibility} columns={transactionColumns} />
      </Group>
      {body}
      <PaginationBar
        skip={state.skip}
        limit={state.limit}
        shown={items?.length ?? 0}
        total={total}
        sizes={transactionPageSizes}
        onPrevious={() => setState((s) => ({ skip: Math.max(0, s.skip - s.limit) }))}
        onNext={() => setState((s) => ({ skip: s.skip + s.limit }))}
        onLimit={(limit) => setState({ limit })}
      />
    </Stack>
  );
}
