import { Tooltip } from "@mantine/core";
import { createColumnHelper, type VisibilityState } from "@tanstack/react-table";
import { formatMoney } from "@vbo/domain";
import { LiabilityBadge } from "../../components/LiabilityBadge.tsx";
import { DateTimeCell, dash, Mono } from "../../components/list/cells.tsx";
import { meaning, paresStatusMeaning } from "./threeDSCodes.ts";
import type { AuthenticationView } from "./types.ts";

const column = createColumnHelper<AuthenticationView>();

// Column ids are Verifone's field names, so a column's sort is the API's sort without translation.
export const columns = [
  column.accessor((r) => r.created_at, {
    id: "created_at",
    meta: { label: "Created", zoned: true },
    cell: ({ getValue }) => <DateTimeCell value={getValue()} />,
  }),
  column.accessor((r) => r.amount, {
    id: "amount",
    meta: { label: "Amount", align: "right" },
    cell: ({ row }) => {
      const { amount, currency_code } = row.original;
      if (amount === undefined) return dash;
      return currency_code ? formatMoney(amount, currency_code) : `${amount} (minor units, no currency)`;
    },
  }),
  column.accessor((r) => r.currency_code, { id: "currency_code", meta: { label: "Currency" } }),
  column.accessor((r) => r.authentication?.card_brand, {
    id: "authentication.card_brand",
    meta: { label: "Card brand" },
  }),
  column.accessor((r) => r.authentication?.pares_status, {
    id: "authentication.pares_status",
    meta: { label: "ParesStatus" },
    cell: ({ getValue }) => {
      const value = getValue();
      const text = meaning(paresStatusMeaning, value);
      return value ? (
        <Tooltip label={text ?? "Undocumented value"} disabled={!text}>
          <span>{value}</span>
        </Tooltip>
      ) : (
        dash
      );
    },
  }),
  column.accessor((r) => r.authentication?.eci_flag, { id: "authentication.eci_flag", meta: { label: "ECI" } }),
  column.accessor((r) => r.authentication?.threeds_version, {
    id: "authentication.threeds_version",
    meta: { label: "3DS" },
  }),
  column.accessor((r) => r.authentication?.enrolled, { id: "authentication.enrolled", meta: { label: "Enrolled" } }),
  column.accessor((r) => r.authentication?.signature_verification, {
    id: "authentication.signature_verification",
    meta: { label: "Signature" },
  }),
  column.display({
    id: "liability",
    meta: { label: "Liability" },
    enableSorting: false,
    cell: ({ row }) => <LiabilityBadge liability={row.original.liability} />,
  }),
  column.accessor((r) => r.transaction_id, {
    id: "transaction_id",
    meta: { label: "Transaction id", mono: true },
    cell: ({ getValue }) => <Mono value={getValue()} />,
  }),
  column.accessor((r) => r._id, {
    id: "_id",
    meta: { label: "Id", mono: true },
    cell: ({ getValue }) => <Mono value={getValue()} />,
  }),
  column.accessor((r) => r.authentication?.ds_transaction_id, {
    id: "authentication.ds_transaction_id",
    meta: { label: "DS transaction id", mono: true },
    cell: ({ getValue }) => <Mono value={getValue()} />,
  }),
  column.accessor((r) => r.card, {
    id: "card",
    meta: { label: "Card id", mono: true },
    cell: ({ getValue }) => <Mono value={getValue()} />,
  }),
];

/** Shown until the user picks columns (the choice is then kept in localStorage). */
// Sized to fit a 1280 px screen beside the navigation; the rest is a click away in "Columns".
export const defaultColumnVisibility: VisibilityState = {
  currency_code: false,
  transaction_id: false,
  _id: false,
  "authentication.ds_transaction_id": false,
  card: false,
};
