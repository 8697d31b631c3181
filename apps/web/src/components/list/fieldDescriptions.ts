// What each filterable field means, in the words of someone looking for a payment — the filter builder shows these
// instead of the OpenAPI text (which is written for integrators, and sometimes garbled: "enity_id").

const descriptions: Record<string, string> = {
  // 3-D Secure authentications (GET /v2/3d)
  _id: "The authentication's id in Verifone.",
  amount: "The purchase amount that was authenticated.",
  card: "The id of the card record the authentication used.",
  created_at: "When the authentication was created.",
  currency_code: "The purchase currency, a three-letter ISO 4217 code such as EUR.",
  entity_id: "The merchant entity (site or account) the record belongs to.",
  threeds_contract_id: "The 3-D Secure contract (merchant configuration) used.",
  transaction_id: "Your reference for the payment this authentication was for.",
  "authentication.acs_rendering_type": "How the issuer's challenge screen was shown (native app or HTML).",
  "authentication.acs_transaction_id": "The issuer's (ACS) id for this authentication.",
  "authentication.acs_url": "The address of the issuer's challenge page.",
  "authentication.authentication_type": "How the cardholder was challenged (e.g. one-time code, biometrics).",
  "authentication.authorization_payload": "The data handed on to the payment authorisation.",
  "authentication.card_brand": "The card scheme: VISA, MASTERCARD, AMEX, …",
  "authentication.cardholder_info": "A message from the issuer to show the cardholder.",
  "authentication.cavv_algorithm": "The algorithm of the authentication value (CAVV).",
  "authentication.cavv": "The issuer's proof of authentication (CAVV / AAV).",
  "authentication.challenge_cancel":
    "Why a challenge ended without an answer (01 = the cardholder cancelled, 04/05 = timed out, …).",
  "authentication.challenge_required": "Whether the issuer asked the cardholder to complete a challenge (Y / N).",
  "authentication.ds_transaction_id": "The card scheme's id for this authentication: the same on the payment.",
  "authentication.eci_flag": "The e-commerce indicator: 05/02 fully authenticated, 06/01 attempted, 07/00 none.",
  "authentication.enrolled": "Whether the card takes part in 3-D Secure (Y yes, N no, U unavailable, B bypassed).",
  "authentication.error_desc": "The error text, when the authentication failed with an error.",
  "authentication.error_no": "The error number, when the authentication failed with an error.",
  "authentication.network_score": "The card scheme's risk score for the purchase.",
  "authentication.order_id": "The order id sent with the authentication.",
  "authentication.pares_status":
    "The outcome: Y authenticated, A attempted, N failed, U unavailable, R rejected, C challenge pending.",
  "authentication.payload": "The raw authentication response.",
  "authentication.reason_code": "Verifone's reason code for the outcome.",
  "authentication.reason_desc": "Verifone's reason for the outcome, in words.",
  "authentication.signature_verification": "Whether the issuer's signed response checked out (Y / N).",
  "authentication.status_reason": "The issuer's reason code for a failed or rejected authentication.",
  "authentication.threeds_version": "The 3-D Secure protocol version, such as 2.2.0.",
  "authentication.xid": "The 3-D Secure 1 transaction id.",
  // Transactions (GET /api/v2/transactions)
  acquirer_merchant_id: "Your merchant id (MID) at the acquirer that processed the payment.",
  country_code: "The customer's country, as found from their IP address.",
  customer: "The id of the customer record in Verifone.",
  enity_id: "The merchant entity (site or account) that processed the transaction.",
  invoice_number: "The invoice number of a point-of-sale transaction (e-commerce uses the merchant reference).",
  merchant_reference: "Your reference for the order, exactly as sent.",
  payment_product_type: "The card scheme: Visa, Mastercard, Amex, …",
  shopper_interaction: "Where the customer paid: e-commerce, point of sale, mail or telephone order.",
  transaction_type: "What the transaction did: a sale, an authorisation, a capture, a refund, a void, …",
  transaction_status: "Where the transaction stands: authorised, settled, declined, refunded, …",
  reason_code: "The acquirer's response code (00 = approved).",
  rrn: "The retrieval reference number the card network gave the transaction.",
  pos_device_id: "The point-of-sale terminal that took the payment.",
  stan: "The system trace audit number of the terminal.",
  id: "The transaction's id in Verifone.",
  liability: "Who carries fraud liability. Not a Verifone filter: it keeps the rows of the page shown.",
};

/** The amount's meaning depends on the list: 3-D Secure records count minor units, transactions major units. */
const transactionDescriptions: Record<string, string> = {
  amount: "The amount of the transaction, in the currency's major units (10.50).",
  created_at: "When the transaction was created (a range may span at most one month).",
  currency_code: "The transaction's currency, a three-letter ISO 4217 code such as EUR.",
};

/** The filter builder's sentence for a field, or null when there is none (the OpenAPI text is never shown). */
export function fieldDescription(field: string, list: "authentications" | "transactions"): string | null {
  return (list === "transactions" ? transactionDescriptions[field] : undefined) ?? descriptions[field] ?? null;
}
