import { Text, Tooltip } from "@mantine/core";
import { createColumnHelper, type VisibilityState } from "@tanstack/react-table";
import { describeStoredCredential, formatMoney } from "@vbo/domain";
import { DateTimeCell, dash, Mono } from "../../components/list/cells.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { TransactionLiability } from "./TransactionLiability.tsx";
import type { TransactionRow } from "./types.ts";

const column = createColumnHelper<TransactionRow>();

/** The amount in its currency's decimals ("12.50 EUR"), from the minor units the API adds. */
export function amountText(tx: { amount?: unknown; amount_minor?: number | null; currency_code?: string | null }) {
  if (tx.amount_minor !== null && tx.amount_minor !== undefined && tx.currency_code) {
    return formatMoney(tx.amount_minor, tx.currency_code);
  }
  return tx.amount === undefined || tx.amount === null ? dash : `${tx.amount} ${tx.currency_code ?? ""}`.trim();
}

function StoredCredentialCell({ row }: { row: TransactionRow }) {
  const described = describeStoredCredential(row);
  if (!described) return dash;
  return (
    <Tooltip label={described.summary}>
      <span data-testid="tx-stored-credential">
        {described.kindLabel}
        {described.initiator && ` · ${described.initiator}`}
      </span>
    </Tooltip>
  );
}

// Column ids are Verifone's field names, so the one sortable column's sort is the API's without translation.
// Only created_at can be sorted on GET /api/v2/transactions.
export const transactionColumns = [
  column.accessor((r) => r.created_at, {
    id: "created_at",
    meta: { label: "Created", zoned: true },
    cell: ({ getValue }) => <DateTimeCell value={getValue()} />,
  }),
  column.accessor((r) => r.transaction_type, { id: "transaction_type", meta: { label: "Type" }, enableSorting: false }),
  column.accessor((r) => r.transaction_status, {
    id: "transaction_status",
    meta: { label: "Status" },
    enableSorting: false,
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  column.accessor((r) => r.amount_minor, {
    id: "amount",
    meta: { label: "Amount", align: "right" },
    enableSorting: false,
    cell: ({ row }) => amountText(row.original),
  }),
  column.display({
    id: "liability",
    meta: { label: "Liability" },
    enableSorting: false,
    cell: ({ row }) => <TransactionLiability tx={row.original} />,
  }),
  column.accessor((r) => r.currency_code, { id: "currency_code", meta: { label: "Currency" }, enableSorting: false }),
  column.accessor((r) => r.card_brand, { id: "card_brand", meta: { label: "Brand" }, enableSorting: false }),
  column.accessor((r) => r.masked_card_number, {
    id: "masked_card_number",
    meta: { label: "Card", mono: true },
    enableSorting: false,
    cell: ({ getValue }) => <Mono value={getValue()} />,
  }),
  column.accessor((r) => r.merchant_reference, {
    id: "merchant_reference",
    meta: { label: "Merchant reference" },
    enableSorting: false,
  }),
  column.display({
    id: "stored_credential",
    meta: { label: "Stored credential" },
    enableSorting: false,
    cell: ({ row }) => <StoredCredentialCell row={row.original} />,
  }),
  column.accessor((r) => r.id, {
    id: "id",
    meta: { label: "Id", mono: true },
    enableSorting: false,
    cell: ({ getValue }) => (
      <Text span ff="monospace" size="xs">
        {getValue() ?? dash}
      </Text>
    ),
  }),
];

/** Shown until the user picks columns (the choice is then kept in localStorage). */
// Sized to fit a 1280 px screen beside the navigation; the rest is a click away in "Columns".
export const defaultTransactionColumnVisibility: VisibilityState = {
  currency_code: false,
  id: false,
  card_brand: false,
  stored_credential: false,
};
