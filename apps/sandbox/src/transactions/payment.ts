import { randomInt, randomUUID } from "node:crypto";
import { isExpired } from "../cards/encryptedCard.ts";
import { maskPan } from "../cards/seedCard.ts";
import type { Merchant } from "../ecommerce/merchants.ts";
import { invalid, refused } from "../ecommerce/problems.ts";
import { createRandom } from "../random.ts";
import { brandOfPan } from "../threeds/testCards.ts";
import { tokenize } from "../tokens/tokenize.ts";
import type { TokenStore } from "../tokens/tokenStore.ts";
import type { ProcessingModel, Token } from "../tokens/types.ts";
import type { PaymentInput, StoredCredentialRequest } from "./paymentRequest.ts";
import { refreshStatuses } from "./statuses.ts";
import { declineCards } from "./testCards.ts";
import type { TransactionStore } from "./transactionStore.ts";
import type { MaskedCard, StoredCredentialInfo, Transaction, TransactionKind } from "./types.ts";

/**
 * `POST /api/v2/transactions/card`: resolves the card (decrypted test card or reuse token), applies the
 * stored-credential rules of stored-credentials.txt, decides the outcome and stores the new transaction.
 */
export type PaymentDeps = { store: TransactionStore; tokens: TokenStore; merchants: readonly Merchant[] };

const modelAt = "body.stored_credential.processing_model_details.processing_model";

/** Which charges a sign-up allows: Recurring → Recurring; None → CoF (CIT), UCoF or re-authorisation (MIT). */
const chargesAfter: Readonly<Record<ProcessingModel, readonly ProcessingModel[]>> = {
  NONE: ["CREDENTIAL_ON_FILE", "UNSCHEDULED_CREDENTIAL_ON_FILE", "REAUTHORIZATION"],
  CREDENTIAL_ON_FILE: ["CREDENTIAL_ON_FILE", "UNSCHEDULED_CREDENTIAL_ON_FILE", "REAUTHORIZATION"],
  RECURRING: ["RECURRING"],
  UNSCHEDULED_CREDENTIAL_ON_FILE: ["UNSCHEDULED_CREDENTIAL_ON_FILE"],
  REAUTHORIZATION: [],
};
const signupModels: readonly ProcessingModel[] = [
  "NONE",
  "CREDENTIAL_ON_FILE",
  "RECURRING",
  "UNSCHEDULED_CREDENTIAL_ON_FILE",
];

function kindOf(input: PaymentInput): TransactionKind {
  if (input.amount === 0) return "CARD_VERIFICATION";
  if (input.auth_type === "PRE_AUTH") return "PREAUTH";
  return input.capture_now ? "SALE" : "AUTHORISATION";
}

function chargeableToken(tokens: TokenStore, id: string): Token {
  const token = tokens.require(id, "body.reuse_token");
  if (token.token_status !== "ACTIVE")
    throw refused("body.reuse_token", `the token is ${token.token_status}: only an ACTIVE token can be charged`, {
      token_status: token.token_status,
    });
  return token;
}

function storedCredential(
  request: StoredCredentialRequest,
  input: PaymentInput,
  token: Token | undefined,
  hasToken: boolean,
): StoredCredentialInfo {
  const model = request.processing_model;
  if (request.type === "SIGNUP") {
    if (!signupModels.includes(model)) throw refused(modelAt, `a sign-up cannot use ${model}`);
    if (!hasToken)
      throw invalid([
        {
          at: "body.token_preference",
          message: "is required for a stored-credential sign-up (or pay with a reuse_token)",
        },
      ]);
    return {
      stored_credential_type: "SIGNUP",
      processing_model: model,
      reference: randomUUID(),
      scheme_reference: String(randomInt(1e9, 1e10)) + String(randomInt(1e4, 1e5)),
    };
  }
  if (model === "NONE") throw refused(modelAt, "a charge needs a processing model other than NONE");
  const signup = token?.signup;
  if (signup && !chargesAfter[signup.processing_model].includes(model))
    throw refused(modelAt, `the token's sign-up (${signup.processing_model}) does not allow ${model} charges`, {
      signup_processing_model: signup.processing_model,
      allowed: chargesAfter[signup.processing_model],
    });
  if (input.auth_type === "PRE_AUTH" && model !== "REAUTHORIZATION")
    throw refused(
      "body.auth_type",
      "a stored-credential charge is a sale or final authorisation (PRE_AUTH only with REAUTHORIZATION)",
    );
  const scheme_reference = request.scheme_reference ?? signup?.scheme_reference;
  return {
    stored_credential_type: "CHARGE",
    processing_model: model,
    reference: signup?.reference ?? randomUUID(),
    ...(scheme_reference ? { scheme_reference } : {}),
  };
}

function declineReason(input: PaymentInput, card: MaskedCard, now: number): string | null {
  if (input.source.kind === "card") {
    const test = declineCards[input.source.card.pan];
    if (test) return test.reason_code;
  }
  if (isExpired({ expiryMonth: card.expiry_month, expiryYear: card.expiry_year }, now)) return "54";
  const pares = input.threed?.pares_status;
  return pares === "N" || pares === "R" ? "05" : null;
}

function merchantFor(merchants: readonly Merchant[], ppc: string): Merchant {
  const plain = (id: string) => id.replace(/-/g, "").toLowerCase();
  return merchants.find((m) => plain(m.payment_provider_contract) === plain(ppc)) ?? (merchants[0] as Merchant);
}

type ResolvedCard = { card: MaskedCard; cvvPresent: boolean; token?: Token };

/** The card a payment uses, masked: a chargeable reuse token's, or the decrypted test card's (PAN dropped here). */
function resolveCard(tokens: TokenStore, input: PaymentInput): ResolvedCard {
  const { source } = input;
  if (source.kind === "token") {
    const token = chargeableToken(tokens, source.reuse_token);
    const { brand, bin, last_four, expiry_month, expiry_year } = token;
    const masked = maskPan(bin, last_four, token.panLength);
    return { card: { brand, bin, last_four, masked, expiry_month, expiry_year }, cvvPresent: source.cvvPresent, token };
  }
  const { pan, expiryMonth, expiryYear, cvvPresent } = source.card;
  const card: MaskedCard = {
    brand: source.card_brand ?? brandOfPan(pan),
    bin: pan.slice(0, 6),
    last_four: pan.slice(-4),
    masked: maskPan(pan, pan.slice(-4), pan.length),
    expiry_month: expiryMonth,
    expiry_year: expiryYear,
  };
  return { card, cvvPresent };
}

/** `token_preference` with a card: tokenise it (after every check passed, so a refused payment creates nothing). */
function tokenForPreference(deps: PaymentDeps, input: PaymentInput, brand: string, now: number): Token | undefined {
  if (input.source.kind !== "card" || !input.token_scope) return undefined;
  const request = { token_scope: input.token_scope, card: input.source.card, card_brand: brand };
  return tokenize(deps.tokens, deps.merchants, { ...request, token_type: "REUSE", reuse_token_type: "INTERNAL" }, now)
    .token;
}

export function createPayment(
  deps: PaymentDeps,
  input: PaymentInput,
  now: number,
  idempotencyKey?: string,
): Transaction {
  const merchant = merchantFor(deps.merchants, input.payment_provider_contract);
  const { card, cvvPresent, token: charged } = resolveCard(deps.tokens, input);
  const willTokenise = input.source.kind === "card" && input.token_scope !== undefined;
  const stored = input.stored_credential
    ? storedCredential(input.stored_credential, input, charged, charged !== undefined || willTokenise)
    : undefined;
  const token = charged ?? tokenForPreference(deps, input, card.brand, now);
  const kind = kindOf(input);
  const rng = createRandom(randomInt(2 ** 32));
  const declinedWith = declineReason(input, card, now);
  const t: Transaction = {
    id: randomUUID(),
    kind,
    declined: declinedWith !== null,
    amount: input.amount,
    currency_code: input.currency_code,
    created_at: new Date(now).toISOString(),
    createdMs: now,
    entity_id: merchant.entity_id,
    payment_provider_contract: input.payment_provider_contract,
    acquirer_merchant_id: merchant.acquirer_merchant_id,
    created_by: merchant.api_user_id,
    card,
    shopper_interaction: input.shopper_interaction,
    auto_capture: kind === "SALE",
    reason_code: declinedWith ?? "00",
    dynamic_descriptor: input.dynamic_descriptor ?? merchant.dynamic_descriptor,
    cvv_present: cvvPresent,
    avs_result: "U",
    rrn: rng.digits(12),
    stan: rng.digits(6),
    processor_reference: rng.alnum(20),
    captured: 0,
    refunded: 0,
    voided: false,
    settled: false,
    status: "",
    transaction_status: "",
  };
  for (const key of copied) if (input[key] !== undefined) (t as Record<string, unknown>)[key] = input[key];
  if (input.sales_description) t.description = input.sales_description;
  if (input.threed && Object.keys(input.threed).length > 0) t.threed_authentication = input.threed;
  if (stored) t.stored_credential = stored;
  if (token) t.reuse_token = token.reuse_token;
  if (idempotencyKey) t.idempotency_key = idempotencyKey;
  if (cvvPresent) t.cvv_result = "1";
  if (declinedWith && (input.threed?.pares_status === "N" || input.threed?.pares_status === "R"))
    t.status_reason = "THREEDSECURE_FAILED_AUTH";
  if (!declinedWith) {
    t.authorization_code = rng.digits(6);
    if (kind === "SALE") t.arn = rng.digits(23);
    if (stored?.stored_credential_type === "SIGNUP" && token) {
      const { processing_model, reference, scheme_reference = "" } = stored;
      token.signup = { processing_model, reference, scheme_reference };
    }
  }
  deps.store.add(refreshStatuses(t));
  return t;
}

const copied = [
  "merchant_reference",
  "invoice_number",
  "customer",
  "customer_ip",
  "customer_details",
  "user_agent",
] as const;
