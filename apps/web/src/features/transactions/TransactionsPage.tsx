import { Text } from "@mantine/core";
import { hasCreatedRange, matchesLiabilityFilter } from "@vbo/domain";
import { useMemo } from "react";
import { ListPage } from "../../components/list/ListPage.tsx";
import { ListTable } from "../../components/list/ListTable.tsx";
import { countTotals } from "../../components/list/ListTotals.tsx";
import { retryAll, useListPage } from "../../components/list/useListPage.ts";
import { useTRPC } from "../../trpc.ts";
import { defaultTransactionColumnVisibility, transactionColumns } from "./columns.tsx";
import { ExportTransactionsButton } from "./ExportTransactionsButton.tsx";
import { LiabilityFilterNote } from "./LiabilityFilterNote.tsx";
import { splitTransactionFilters, transactionPageSizes, transactionsListCodec } from "./listQuery.ts";
import { TransactionFilterBar } from "./TransactionFilterBar.tsx";
import type { TransactionRow } from "./types.ts";

const rowId = (row: TransactionRow) => row.id;
const testIds = { table: "tx-table", row: "tx-row" };

const transactionsList = {
  codec: transactionsListCodec,
  path: "/transactions",
  columns: defaultTransactionColumnVisibility,
  split: splitTransactionFilters,
};

/** Verifone's transactions (payments, refunds, captures, voids), filtered, sorted and paged through the URL. */
export default function TransactionsPage() {
  const trpc = useTRPC();
  const page = useListPage(transactionsList, (input, filters, options) => ({
    list: trpc.transactions.list.queryOptions(input, options),
    count: trpc.transactions.count.queryOptions({ filters }, options),
  }));
  const { state, filters, setFilters, list, count, filterIssues } = page;
  const { applied, liability } = filters;

  const fetched = list.data?.items;
  const items = useMemo(
    () => fetched?.filter((row) => matchesLiabilityFilter(row.liability, liability)),
    [fetched, liability],
  );
  const total = count.data?.count;
  // A dated view is counted by listing it, up to a cap: beyond it the count is "more than", and pages are unknown.
  const atLeast = count.data && "atLeast" in count.data ? Boolean(count.data.atLeast) : false;
  // Without a created range Verifone lists (and so counts) the last 7 days only: the number says so.
  const defaultWindow = !hasCreatedRange(applied);

  return (
    <ListPage
      title="Transactions"
      noun="transactions"
      views={{ page: "transactions", dates: { kind: "filters", field: "created_at" } }}
      actions={<ExportTransactionsButton filters={applied} sort={state.sort} liability={liability} />}
      columns={{ ...page.columns, all: transactionColumns }}
      filterBar={<TransactionFilterBar filters={state.filters} problems={filterIssues} onChange={setFilters} />}
      totals={{
        ...countTotals("tx-total-count", count),
        atLeast,
        scope: defaultWindow ? "in the last 7 days" : undefined,
      }}
      totalsNote={
        defaultWindow && (
          <Text size="sm" c="dimmed" data-testid="tx-default-window" me="auto">
            Verifone's default without a Created range
          </Text>
        )
      }
      notice={
        liability.length > 0 &&
        fetched &&
        fetched.length > 0 && <LiabilityFilterNote kept={items?.length ?? 0} fetched={fetched.length} />
      }
      body={{
        noneAtAll: "Verifone has no transactions for this account.",
        errorTitle: "The transactions could not be loaded",
        ...page.body,
        onRetry: retryAll(list, count),
        rows: items,
        children: (rows) => (
          <ListTable
            rows={rows}
            columns={transactionColumns}
            rowId={rowId}
            testIds={testIds}
            multiSort={false}
            {...page.table}
          />
        ),
      }}
      view={page}
      pages={{ shown: fetched?.length ?? 0, total: atLeast ? undefined : total, sizes: transactionPageSizes }}
    />
  );
}
