import type { ProcessingModel } from "../tokens/types.ts";

/**
 * A transaction as the sandbox keeps it: Verifone's fields in one neutral form (amounts in minor units), plus the
 * ledger the state machine works on. The views (views.ts) render it as each endpoint's schema wants.
 *
 * Kinds (Verifone's `transaction_type`): SALE (captured at once), AUTHORISATION (FINAL_AUTH, `capture_now: false`),
 * PREAUTH, CARD_VERIFICATION (amount 0) — and the children an action creates: CAPTURE, REFUND, VOID.
 */
export type TransactionKind =
  | "SALE"
  | "AUTHORISATION"
  | "PREAUTH"
  | "CARD_VERIFICATION"
  | "CAPTURE"
  | "REFUND"
  | "VOID";

export type ShopperInteraction = "ECOMMERCE" | "MAIL" | "TELEPHONE";

/** The `threed_authentication` fields the response schemas carry (no `signature_verification`: see README). */
export type ThreeDSBlock = {
  eci_flag?: string;
  enrolled?: string;
  cavv?: string;
  cavv_algorithm?: string;
  pares_status?: string;
  xid?: string;
  ds_transaction_id?: string;
  threeds_version?: string;
};

export type StoredCredentialInfo = {
  stored_credential_type: "SIGNUP" | "CHARGE";
  processing_model: ProcessingModel;
  reference: string;
  scheme_reference?: string;
};

export type MaskedCard = {
  brand: string;
  bin: string;
  last_four: string;
  /** e.g. `492912******3127` */
  masked: string;
  expiry_month?: number;
  expiry_year?: number;
};

export type CustomerDetails = {
  first_name?: string;
  last_name?: string;
  email_address?: string;
  phone_number?: string;
};

export type Transaction = {
  id: string;
  parent_id?: string;
  kind: TransactionKind;
  declined: boolean;
  /** Minor units of `currency_code`. */
  amount: number;
  currency_code: string;
  created_at: string;
  createdMs: number;
  entity_id: string;
  payment_provider_contract: string;
  acquirer_merchant_id: string;
  created_by: string;
  card: MaskedCard;
  shopper_interaction: ShopperInteraction;
  auto_capture: boolean;
  reason_code: string;
  status_reason?: string;
  merchant_reference?: string;
  invoice_number?: string;
  description?: string;
  dynamic_descriptor?: string;
  customer?: string;
  customer_details?: CustomerDetails;
  customer_ip?: string;
  city?: string;
  country_code?: string;
  user_agent?: string;
  arn?: string;
  authorization_code?: string;
  avs_result?: string;
  cvv_present: boolean;
  cvv_result?: string;
  rrn?: string;
  stan?: string;
  processor_reference: string;
  threed_authentication?: ThreeDSBlock;
  stored_credential?: StoredCredentialInfo;
  reuse_token?: string;
  /** The `x-vfi-api-idempotencykey` it was created with (a documented list filter). */
  idempotency_key?: string;

  // The ledger. AUTHORISATION / PREAUTH: `captured` = sum of live captures; `closed` once voided or after a final
  // capture. SALE / CAPTURE: `refunded` = sum of refunds; `voided` after void_capture. `settled` for SALE / CAPTURE /
  // REFUND once a day has passed (store.settleDue).
  captured: number;
  refunded: number;
  closed?: "voided" | "final";
  voided: boolean;
  settled: boolean;

  /** Derived from the ledger by statuses.ts after every change. */
  status: string;
  transaction_status: string;
};
