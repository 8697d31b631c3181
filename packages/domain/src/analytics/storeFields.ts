// The list fields the analytics store holds, so analytics take the same Filters as the lists on them. A filter on
// any other field cannot be answered from the store (BAD_REQUEST naming it).

/** GET /v2/3d fields the store keeps per authentication. */
export const analyticsAuthenticationFilterFields = [
  "_id",
  "created_at",
  "amount",
  "currency_code",
  "authentication.card_brand",
  "authentication.threeds_version",
  "authentication.eci_flag",
  "authentication.enrolled",
  "authentication.signature_verification",
  "authentication.pares_status",
  "authentication.challenge_required",
  "authentication.challenge_cancel",
] as const;

/** GET /api/v2/transactions fields the store keeps per payment. */
export const analyticsPaymentFilterFields = ["id", "created_at", "currency_code", "transaction_type"] as const;
