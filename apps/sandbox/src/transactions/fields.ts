import { paymentProductType } from "../cards/seedCard.ts";
import type { Transaction } from "./types.ts";

/**
 * What `GET /api/v2/transactions` and `/count` let you filter on, as their OpenAPI parameters document them (a test
 * checks this table against packages/verifone/openapi/ecommerce-api.json). Unlike GET /v2/3d, these parameters
 * take plain `name=value` only: no `!=`, `~=`, `>=`, `<=`. Surprises kept from the spec: the entity filter is
 * spelt `enity_id`; `stan` and `pos_device_id` are numbers although records carry them as strings; `amount` is the
 * decimal amount the list shows ("including decimal place"), not minor units.
 */
export type FieldKind = "string" | "number" | "amount" | "date";

export type FilterField = {
  kind: FieldKind;
  /** Allowed values (the parameter's enum). */
  values?: readonly string[];
  maxLength?: number;
  /** The record's value as the filter compares it. */
  read(t: Transaction): string | number | undefined;
};

// biome-ignore format: a long enum reads better wrapped
export const transactionTypes = [
  "AUTHORISATION", "BALANCE", "CANCEL", "CAPTURE", "CARD_ACTIVATION", "CARD_DEACTIVATION", "CARD_VERIFICATION",
  "CASH_ADVANCE", "CASH_DEPOSIT", "DECLINED", "DELAYED_CHARGE", "EXTEND", "ISSUER_INSTALMENT_SELECTION", "LOAD",
  "NO_SHOW", "NON_FINANCIAL", "PREAUTH", "PREAUTH_COMPLETION", "PREAUTH_INCREMENT", "RATE", "REAUTHORISATION",
  "REFUND", "SALE", "UNLOAD", "VOID",
] as const;

// biome-ignore format: a long enum reads better wrapped
export const transactionStates = [
  "APPROVED", "AUTHENTICATING", "AUTHORISED", "AWAITING_INVOICE", "CANCELLED", "CONFIRMED", "COMPLETED",
  "CUSTOMER_ACCEPTED", "DECLINED", "DEFERRED", "DISPUTED", "EXCEPTION", "EXPIRED", "FAILED", "INITIATED", "ON_HOLD",
  "PARTIALLY_REFUNDED", "RECEIVED", "RECONCILED", "RECONCILIATION_FAILED", "REFUNDED", "REJECTED", "REPEATING",
  "REVERSED", "REVERSE_ERROR", "REVERSING", "ROUTING", "SENT", "SETTLED", "SETTLEMENT_FAILED", "SETTLEMENT_REQUESTED",
  "SUBMITTED", "TIMED_OUT", "UNMATCHED",
] as const;

/** The deprecated `status` filter's enum. */
// biome-ignore format: a long enum reads better wrapped
export const legacyStatuses = [
  "INITIATED", "AUTHORIZED", "AUTHORIZATION_VOIDED", "REFUNDED", "FAILED", "PENDING", "DECLINED",
  "SETTLEMENT_CANCELLED", "SETTLEMENT_REQUESTED", "SETTLEMENT_SUBMITTED", "SETTLEMENT_COMPLETED", "SETTLEMENT_PARTIAL",
  "SETTLEMENT_DECLINED", "VOIDED", "UNKNOWN",
] as const;

// biome-ignore format: a long enum reads better wrapped
export const paymentProductTypeFilter = [
  "Amex", "Diners Club International", "Discover", "JCB", "Maestro", "Mastercard", "Visa",
] as const;

/** The list's spelling of shopper_interaction (the card payment answers ECOMMERCE / MAIL / TELEPHONE instead). */
export const listShopperInteraction: Readonly<Record<string, string>> = {
  ECOMMERCE: "ecommerce",
  MAIL: "mail_order",
  TELEPHONE: "telephone_order",
};

const text = (read: FilterField["read"], maxLength?: number): FilterField => ({ kind: "string", read, maxLength });
const oneOf = (values: readonly string[], read: FilterField["read"]): FilterField => ({ kind: "string", values, read });

/** Filters both endpoints document. */
const common: Readonly<Record<string, FilterField>> = {
  acquirer_merchant_id: text((t) => t.acquirer_merchant_id),
  amount: { kind: "amount", read: (t) => t.amount },
  created_at: { kind: "date", read: (t) => t.createdMs },
  country_code: text((t) => t.country_code),
  currency_code: text((t) => t.currency_code),
  customer: text((t) => t.customer),
  enity_id: text((t) => t.entity_id),
  invoice_number: text((t) => t.invoice_number, 127),
  merchant_reference: text((t) => t.merchant_reference, 50),
  payment_product_type: oneOf(paymentProductTypeFilter, (t) => paymentProductType(t.card.brand)),
  shopper_interaction: oneOf(
    ["ecommerce", "pos", "mail_order", "telephone_order", "unknown"],
    (t) => listShopperInteraction[t.shopper_interaction],
  ),
  status: oneOf(legacyStatuses, (t) => t.status),
  transaction_type: oneOf(transactionTypes, (t) => t.kind),
  transaction_status: oneOf(transactionStates, (t) => t.transaction_status),
  reason_code: text((t) => t.reason_code),
  rrn: text((t) => t.rrn),
  pos_device_id: { kind: "number", read: () => undefined }, // card-not-present: no record has a POS device
  stan: { kind: "number", read: (t) => (t.stan === undefined ? undefined : Number(t.stan)) },
  id: text((t) => t.id),
};

export const countFilters: Readonly<Record<string, FilterField>> = common;

export const listFilters: Readonly<Record<string, FilterField>> = {
  ...common,
  "x-vfi-api-idempotencykey": text((t) => t.idempotency_key),
};

/** Bounds of the list (not of /count): inclusive; a date-only value means the start / end of that UTC day. */
export const rangeParameters = ["created_start", "created_end"] as const;
export const pagingParameters = ["_sort", "_skip", "_limit"] as const;
export const sortValues = ["created_at", "-created_at"] as const;
