import { paymentProductType } from "../cards/seedCard.ts";
import { decimalNumber, decimalString } from "../currencies.ts";
import type { TokenStore } from "../tokens/tokenStore.ts";
import { tokenDetails } from "../tokens/views.ts";
import { listShopperInteraction } from "./fields.ts";
import type { Transaction } from "./types.ts";

/**
 * One transaction, three shapes — the spec is inconsistent and the sandbox follows it to the letter:
 *
 * | endpoint                          | schema              | `amount`                                   | shopper_interaction |
 * | --------------------------------- | ------------------- | ------------------------------------------ | ------------------- |
 * | GET /api/v2/transactions          | GatewayTransactions | number "including decimal place": 12.5     | ecommerce           |
 * | GET /api/v2/transaction/{id}      | GatewayTransaction  | string "including decimal place": "12.50"  | ecommerce           |
 * | POST …/card, refund, capture, …   | EcomResponse(Card)  | integer in minor units: 1250               | ECOMMERCE           |
 *
 * Card data is masked only (BIN + last four). `stored_credential` on the list / get shapes is the sandbox's one
 * addition to GatewayTransaction(s) (see README).
 */
type Json = Record<string, unknown>;

function defined(entries: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}

/** Fields the list and the get share (everything but amounts and token details). */
function gatewayCommon(t: Transaction): Json {
  return defined({
    id: t.id,
    currency_code: t.currency_code,
    city: t.city,
    country_code: t.country_code,
    created_at: t.created_at,
    customer: t.customer,
    customer_ip: t.customer_ip,
    dynamic_descriptor: t.dynamic_descriptor,
    payment_product: "CARD",
    payment_product_type: paymentProductType(t.card.brand),
    processor_reference: t.processor_reference,
    status: t.status,
    transaction_type: t.kind,
    transaction_status: t.transaction_status,
    parent_id: t.parent_id,
    reason_code: t.reason_code,
    card_brand: t.card.brand,
    customer_details: t.customer_details,
    merchant_reference: t.merchant_reference,
    user_agent: t.user_agent,
    arn: t.arn,
    authorization_code: t.authorization_code,
    avs_result: t.avs_result,
    created_by: t.created_by,
    cvv_present: t.cvv_present,
    cvv_result: t.cvv_result,
    rrn: t.rrn,
    shopper_interaction: listShopperInteraction[t.shopper_interaction],
    stan: t.stan,
    threed_authentication: t.threed_authentication,
    masked_card_number: t.card.masked,
    entity_id: t.entity_id,
    acquirer_merchant_id: t.acquirer_merchant_id,
    description: t.description,
    stored_credential: t.stored_credential,
  });
}

/** The amount taken so far: an authorisation's live captures, a sale's or capture's own amount. */
function capturedAmount(t: Transaction): number | undefined {
  if (t.declined) return undefined;
  if (t.kind === "AUTHORISATION" || t.kind === "PREAUTH") return t.captured;
  if (t.kind === "SALE" || t.kind === "CAPTURE") return t.voided ? 0 : t.amount;
  return undefined;
}

/** GET /api/v2/transactions — one `GatewayTransactions` item. */
export function listView(t: Transaction): Json {
  const captured = capturedAmount(t);
  return {
    ...gatewayCommon(t),
    amount: decimalNumber(t.amount, t.currency_code),
    ...(captured === undefined
      ? {}
      : { payment_summary: { captured_amount: decimalNumber(captured, t.currency_code) } }),
  };
}

/** GET /api/v2/transaction/{id} — `GatewayTransaction`. */
export function getView(t: Transaction): Json {
  const captured = capturedAmount(t);
  return {
    ...gatewayCommon(t),
    amount: decimalString(t.amount, t.currency_code),
    ...(captured === undefined
      ? {}
      : { payment_summary: { captured_amount: decimalString(captured, t.currency_code) } }),
    ...(t.reuse_token ? { token_details: { reuse_token: t.reuse_token, reuse_token_type: "INTERNAL" } } : {}),
  };
}

/** `EcomResponse`: the answer to refund / capture / void / void_capture (the child transaction they created). */
export function actionResponse(t: Transaction): Json {
  return defined({
    id: t.id,
    payment_provider_contract: t.payment_provider_contract,
    amount: t.amount,
    blocked: false,
    created_at: t.created_at,
    customer: t.customer,
    invoice_number: t.invoice_number,
    merchant_reference: t.merchant_reference,
    payment_product: "CARD",
    payment_product_type: paymentProductType(t.card.brand),
    processor_reference: t.processor_reference,
    status: t.status,
    status_reason: t.status_reason,
    arn: t.arn,
    authorization_code: t.authorization_code,
    avs_result: t.avs_result,
    created_by: t.created_by,
    cvv_present: t.cvv_present,
    cvv_result: t.cvv_result,
    stored_credential: t.stored_credential,
    details: { auto_capture: t.auto_capture },
    reason_code: t.reason_code,
    rrn: t.rrn,
    shopper_interaction: t.shopper_interaction,
    stan: t.stan,
    reversal_status: "NONE",
    city: t.city,
    country_code: t.country_code,
    additional_data: defined({ acquirer_response_code: t.reason_code, initiator_trace_id: t.stan }),
  });
}

/** `EcomResponseCard`: the answer to POST /api/v2/transactions/card. */
export function paymentResponse(t: Transaction, tokens: TokenStore): Json {
  const token = t.reuse_token ? tokens.get(t.reuse_token) : undefined;
  return defined({
    ...actionResponse(t),
    customer_details: t.customer_details,
    threed_authentication: t.threed_authentication,
    token_details: token ? tokenDetails(token) : undefined,
  });
}
