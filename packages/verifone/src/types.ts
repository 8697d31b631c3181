// Friendly names for the generated vendor types. Never retype a Verifone shape by hand: regenerate instead
// (`pnpm --filter @vbo/verifone generate`).
import type { components as ecommerce, operations as ecommerceOperations } from "./generated/ecommerce.ts";
import type { components as threeds, operations as threedsOperations } from "./generated/threeds.ts";

export type ThreeDSAuthentication = threeds["schemas"]["ThreeDSAuthentication"];
export type ThreeDSAuthenticationResult = threeds["schemas"]["AuthenticationResult"];
export type LookupRequest = threeds["schemas"]["LookupRequest"];
export type LookupResponse = threeds["schemas"]["LookupResponse"];
export type DeviceDataInfo = threeds["schemas"]["DeviceDataInfo"];
/** Verifone's error body: `{ code, message, details?, timestamp? }`. */
export type VerifoneErrorBody = threeds["schemas"]["ErrorResponse"];
export type ThreeDSListParameters = NonNullable<threedsOperations["getV23d"]["parameters"]["query"]>;

export type EcommerceSchemas = ecommerce["schemas"];
export type { components as EcommerceComponents, paths as EcommercePaths } from "./generated/ecommerce.ts";
export type { components as ThreeDSComponents, paths as ThreeDSPaths } from "./generated/threeds.ts";

// eCommerce API: transactions and reuse tokens.
type Ecommerce = ecommerce["schemas"];
/**
 * openapi-typescript makes a property with a spec `default` required in the generated type (it is always present in
 * a response). In a request body it may be left out — Verifone applies the default — so those are optional again here.
 */
type RequestBody<T, Defaulted extends keyof T> = Omit<T, Defaulted> & Partial<Pick<T, Defaulted>>;

/**
 * One transaction as GET /api/v2/transaction/{id} returns it. SURPRISE: `amount` is a decimal STRING in major units
 * ("12.50"), while the list returns a decimal NUMBER (12.5) and refund/capture answers an integer in minor units.
 */
export type Transaction = Ecommerce["GatewayTransaction"];
/** One transaction as GET /api/v2/transactions lists it (`amount` a decimal number in major units). */
export type TransactionListItem = Ecommerce["GatewayTransactions"];
/** A transaction's `threed_authentication` block (no `signature_verification` in the spec's schema). */
export type TransactionThreeDS = Ecommerce["ThreeDSecure"];
export type TransactionType = Ecommerce["TransactionType"];
export type TransactionState = Ecommerce["TransactionState"];
/** The `stored_credential` block of a payment's response. */
export type StoredCredentialBlock = Ecommerce["StoredCredential"];
export type TransactionListParameters = NonNullable<ecommerceOperations["listTransactions"]["parameters"]["query"]>;
/** POST /api/v2/transactions/{id}/refund — `amount` is an integer in minor units. */
export type RefundRequest = RequestBody<Ecommerce["RefundCardTransactionDto"], "tax_indicator">;
/**
 * POST /api/v2/transactions/{id}/capture — `amount` (minor units) is REQUIRED by the spec, so "capture the rest" is
 * computed by the caller. For a partial capture that should leave the rest capturable, Verifone wants
 * `multiple_captures: { final_capture: false }`.
 */
export type CaptureRequest = RequestBody<Ecommerce["CaptureCardTransactionDto"], "tax_indicator">;
/** What refund, capture, void and void_capture answer (201): the new transaction, `amount` in minor units. */
export type PaymentActionResult = Ecommerce["EcomResponse"];
/** GET /api/v2/card/{id}. */
export type TokenDetails = Ecommerce["TokenResponse"];
/** PATCH /api/v2/card/{id} body. */
export type TokenUpdate = Ecommerce["PatchDto"];
export type TokenUpdateResult = Ecommerce["PatchTokenResponse"];
/** PUT /api/v2/card body (create, or update the token of the same card). */
export type TokenPutRequest = RequestBody<Ecommerce["PutDto"], "token_type" | "reuse_token_type">;
export type TokenPutResult = Ecommerce["CardResponse"];
export type TokenStatus = NonNullable<TokenDetails["token_status"]>;
