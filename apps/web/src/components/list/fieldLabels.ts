import { type AmountUnits, amountValueText } from "@vbo/domain";
import type { Filter, FilterOp } from "@vbo/verifone/fields";

/** Short labels for the fields people filter on most (of both lists); any other field is shown by its Verifone name. */
const labels: Record<string, string> = {
  _id: "Id",
  amount: "Amount",
  card: "Card id",
  created_at: "Created",
  currency_code: "Currency",
  entity_id: "Entity id",
  threeds_contract_id: "3DS contract id",
  transaction_id: "Transaction id",
  "authentication.card_brand": "Card brand",
  "authentication.pares_status": "ParesStatus",
  "authentication.eci_flag": "ECI",
  "authentication.threeds_version": "3DS version",
  "authentication.enrolled": "Enrolled",
  "authentication.signature_verification": "Signature",
  "authentication.ds_transaction_id": "DS transaction id",
  "authentication.acs_transaction_id": "ACS transaction id",
  "authentication.challenge_required": "Challenge required",
  "authentication.challenge_cancel": "Challenge cancel",
  "authentication.order_id": "Order id",
  // Fields of the transactions list (GET /api/v2/transactions).
  id: "Id",
  transaction_type: "Type",
  transaction_status: "Status",
  payment_product_type: "Card brand",
  merchant_reference: "Merchant reference",
  invoice_number: "Invoice number",
  shopper_interaction: "Shopper interaction",
  reason_code: "Reason code",
  country_code: "Country",
  customer: "Customer id",
  acquirer_merchant_id: "Acquirer MID",
  enity_id: "Entity id",
  rrn: "RRN",
  stan: "STAN",
  pos_device_id: "POS device id",
  liability: "Liability",
};

export function fieldLabel(field: string): string {
  return labels[field] ?? field;
}

export const opLabels: Record<FilterOp, string> = {
  eq: "=",
  neq: "≠",
  gte: "≥",
  lte: "≤",
  like: "~",
};

export const opDescriptions: Record<FilterOp, string> = {
  eq: "= equals",
  neq: "≠ does not equal",
  gte: "≥ at least",
  lte: "≤ at most",
  like: "~ matches (like)",
};

/**
 * "ParesStatus = R" — how a filter reads in chips and in the empty state. With `amounts` (the list's unit and the
 * view's one currency) an amount reads as money: "Amount ≥ 50.00 EUR", or "Amount ≥ 5000 minor units".
 */
export function filterText(filter: Filter, amounts?: { units: AmountUnits; currency: string | null }): string {
  const value =
    amounts && filter.field === "amount"
      ? amountValueText(filter.value, amounts.units, amounts.currency)
      : filter.value;
  return `${fieldLabel(filter.field)} ${opLabels[filter.op]} ${value}`;
}
