import type { RouterOutputs } from "@vbo/api";

export type ReferenceMatch = RouterOutputs["search"]["find"]["items"][number];

/** Where a found record opens. */
export function recordPath(match: Pick<ReferenceMatch, "kind" | "id">): string {
  const id = encodeURIComponent(match.id);
  if (match.kind === "authentication") return `/authentications/${id}`;
  if (match.kind === "transaction") return `/transactions/${id}`;
  return `/tokens/${id}`;
}

export const kindLabels: Record<ReferenceMatch["kind"], string> = {
  authentication: "Authentication",
  transaction: "Transaction",
  token: "Token",
};

const fieldLabels: Record<string, string> = {
  _id: "authentication id",
  id: "transaction id",
  transaction_id: "3-D Secure transaction id",
  "authentication.ds_transaction_id": "ds_transaction_id",
  "authentication.order_id": "order id",
  merchant_reference: "merchant reference",
  invoice_number: "invoice number",
  reuse_token: "reuse token",
};

/** "Matched its ds_transaction_id and order id". */
export function matchedText(fields: readonly string[]): string {
  return `Matched its ${fields.map((f) => fieldLabels[f] ?? f).join(" and ")}`;
}

/** The page to land on when a search found exactly one record (and every source answered), else null. */
export function singleDestination(found: RouterOutputs["search"]["find"]): string | null {
  const [only, ...rest] = found.items;
  return only && rest.length === 0 && found.failed.length === 0 ? recordPath(only) : null;
}
