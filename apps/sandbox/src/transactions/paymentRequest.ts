import { type CardData, decryptCard } from "../cards/encryptedCard.ts";
import { BodyReader, Problems } from "../ecommerce/bodyReader.ts";
import { type ProcessingModel, processingModels } from "../tokens/types.ts";
import type { CustomerDetails, ShopperInteraction, ThreeDSBlock } from "./types.ts";

/**
 * Checks `POST /api/v2/transactions/card`: an EncryptedCardPaymentRequest (`encrypted_card` + `public_key_alias`)
 * or a TokenPaymentRequest (`reuse_token`), never both. Every problem is named (`body.<field>`), values are never
 * echoed. Fields the sandbox has no use for are accepted when the spec lists them, refused otherwise.
 */
export type CardSource =
  | { kind: "card"; card: CardData; card_brand?: string }
  | { kind: "token"; reuse_token: string; cvvPresent: boolean };

export type StoredCredentialRequest = {
  type: "SIGNUP" | "CHARGE";
  processing_model: ProcessingModel;
  scheme_reference?: string;
};

export type PaymentInput = {
  payment_provider_contract: string;
  amount: number;
  currency_code: string;
  auth_type: "PRE_AUTH" | "FINAL_AUTH";
  capture_now: boolean;
  source: CardSource;
  token_scope?: string;
  threed?: ThreeDSBlock;
  stored_credential?: StoredCredentialRequest;
  shopper_interaction: ShopperInteraction;
  merchant_reference?: string;
  invoice_number?: string;
  customer?: string;
  customer_ip?: string;
  customer_details?: CustomerDetails;
  user_agent?: string;
  dynamic_descriptor?: string;
  sales_description?: string;
};

// biome-ignore format: a list of names reads better wrapped
const common = [
  "payment_provider_contract", "amount", "auth_type", "capture_now", "customer", "customer_ip", "dynamic_descriptor",
  "invoice_number", "merchant_reference", "threed_authentication", "stored_credential", "shipping_information",
  "customer_details", "shopper_interaction", "user_agent", "sales_description", "sca_exemption", "currency_code",
  "card_brand", "brand_choice", "credit_term", "instalment", "refusal_reason", "encrypted_svc_access_code",
  "public_key_alias", "promo_code", "promo_financing_details", "purchase_order_number", "tax_indicator",
  "receipt_type",
];
const cardOnly = ["encrypted_card", "token_preference"];
const tokenOnly = ["reuse_token", "reuse_token_type", "reuse_token_details", "encrypted_cvv", "detailed_amount"];

// biome-ignore format: a list of names reads better wrapped
const threeDSFields = [
  "eci_flag", "enrolled", "cavv", "cavv_algorithm", "pares_status", "xid", "threeds_version", "ds_transaction_id",
  "signature_verification", "verification", "error_desc", "error_no", "authentication_amount", "additional_data",
];

function readThreeDS(body: BodyReader): ThreeDSBlock | undefined {
  const r = body.object("threed_authentication", "ThreedAuthenticationDto", threeDSFields);
  if (!r) return undefined;
  const block: ThreeDSBlock = {
    eci_flag: r.oneOf("eci_flag", ["05", "06", "07", "02", "01", "00"]),
    enrolled: r.oneOf("enrolled", ["Y", "N", "U", "B"]),
    cavv: r.string("cavv", { min: 28, max: 48 }),
    cavv_algorithm: r.string("cavv_algorithm"),
    pares_status: r.oneOf("pares_status", ["Y", "N", "U", "A", "C", "R"]),
    xid: r.string("xid"),
    threeds_version: r.oneOf("threeds_version", ["1.0.2", "2.1.0", "2.2.0"]),
    ds_transaction_id: r.string("ds_transaction_id"),
  };
  // Accepted and checked, but not part of the block a transaction answers with (ThreedAuthentication has no such fields).
  r.oneOf("signature_verification", ["Y", "N"]);
  r.opaque("verification", "array");
  r.string("error_desc");
  r.string("error_no");
  r.integer("authentication_amount", { min: 0 });
  r.opaque("additional_data", "object");
  return Object.fromEntries(Object.entries(block).filter(([, v]) => v !== undefined)) as ThreeDSBlock;
}

function readStoredCredential(body: BodyReader): StoredCredentialRequest | undefined {
  const r = body.object("stored_credential", "StoredCredentialDto", [
    "stored_credential_type",
    "processing_model_details",
    "first_payment",
    "scheme_reference",
  ]);
  if (!r) return undefined;
  const type = r.oneOf("stored_credential_type", ["SIGNUP", "CHARGE"] as const, { required: true });
  const details = r.object(
    "processing_model_details",
    "ProcessingModelDetailsDto",
    [
      "total_payment_number",
      "total_payment_amount",
      "first_payment_amount",
      "payment_frequency",
      "processing_model",
      "merchant_signup_code",
      "current_payment_number",
      "amount_fixed",
    ],
    { required: true },
  );
  const model = details?.oneOf("processing_model", processingModels, { required: true });
  r.boolean("first_payment");
  const scheme_reference = r.string("scheme_reference");
  if (!type || !model) return undefined;
  return { type, processing_model: model, ...(scheme_reference ? { scheme_reference } : {}) };
}

function readCustomerDetails(body: BodyReader): CustomerDetails | undefined {
  const r = body.object("customer_details", "CustomerDetailsDto", [
    "title",
    "first_name",
    "middle_name",
    "last_name",
    "company_name",
    "phone_number",
    "email_address",
    "shipping",
    "billing",
    "language",
  ]);
  if (!r) return undefined;
  const details: CustomerDetails = {
    first_name: r.string("first_name", { max: 100 }),
    last_name: r.string("last_name", { max: 100 }),
    email_address: r.email("email_address"),
    phone_number: r.string("phone_number", { max: 25 }),
  };
  for (const key of ["title", "middle_name", "company_name"]) r.string(key, { max: key === "title" ? 120 : 100 });
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}

function readSource(body: BodyReader, now: number): CardSource | undefined {
  const hasCard = body.has("encrypted_card");
  const hasToken = body.has("reuse_token");
  if (hasCard && hasToken) {
    body.problems.add("reuse_token", "must not be given together with encrypted_card (pay with one or the other)");
    return undefined;
  }
  if (hasToken) {
    const reuse_token = body.string("reuse_token", { min: 14, max: 255 });
    body.oneOf("reuse_token_type", ["CHASE", "INTERNAL", "TAVE"]);
    return reuse_token ? { kind: "token", reuse_token, cvvPresent: body.has("encrypted_cvv") } : undefined;
  }
  body.string("public_key_alias", { required: true });
  const result = decryptCard(body.fields.encrypted_card, now);
  if (body.broken) return undefined;
  if ("problem" in result) {
    body.problems.add("encrypted_card", hasCard ? result.problem : "is required (or pay with a reuse_token)");
    return undefined;
  }
  const card_brand = body.string("card_brand", { max: 32 });
  return { kind: "card", card: result.card, ...(card_brand ? { card_brand } : {}) };
}

export function parsePaymentRequest(raw: unknown, now: number): PaymentInput {
  const problems = new Problems("body");
  const isToken = typeof raw === "object" && raw !== null && "reuse_token" in raw && !("encrypted_card" in raw);
  const allowed = [...common, ...(isToken ? tokenOnly : cardOnly)];
  const body = BodyReader.of(raw, problems, isToken ? "TokenPaymentRequest" : "EncryptedCardPaymentRequest", allowed);
  const ppc = body.uuid("payment_provider_contract", { required: true, flexible: true });
  const amount = body.integer("amount", { required: true, min: 0 });
  const currency = body.string("currency_code", { required: true });
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
    problems.add("currency_code", "must be a three-letter ISO 4217 code");
  const auth_type = body.oneOf("auth_type", ["PRE_AUTH", "FINAL_AUTH"] as const) ?? "FINAL_AUTH";
  const capture_now = body.boolean("capture_now") ?? true;
  // The docs: "To perform a preauthorization, two fields need to be specified: capture_now: false, auth_type: PRE_AUTH".
  if (auth_type === "PRE_AUTH" && capture_now) problems.add("capture_now", "must be false with auth_type PRE_AUTH");
  const source = readSource(body, now);
  const preference = body.object("token_preference", "TokenPreferenceDto", [
    "token_scope",
    "reuse_token_type",
    "token_type",
    "token_expiry_date",
  ]);
  const token_scope = preference?.uuid("token_scope", { required: true });
  preference?.oneOf("token_type", ["REUSE", "ANALYTICS", "REUSE_AND_ANALYTICS"]);
  preference?.date("token_expiry_date");
  const input = {
    threed: readThreeDS(body),
    stored_credential: readStoredCredential(body),
    customer_details: readCustomerDetails(body),
    shopper_interaction: body.oneOf("shopper_interaction", ["ECOMMERCE", "MAIL", "TELEPHONE"] as const) ?? "ECOMMERCE",
    merchant_reference: body.string("merchant_reference", { max: 50 }),
    invoice_number: body.string("invoice_number", { max: 127 }),
    customer: body.uuid("customer", { flexible: true }),
    customer_ip: body.string("customer_ip", { max: 45 }),
    user_agent: body.string("user_agent", { max: 256 }),
    dynamic_descriptor: body.string("dynamic_descriptor", { max: 25 }),
    sales_description: body.string("sales_description", { max: 200 }),
    token_scope,
  };
  body.oneOf("sca_exemption", ["1", "2", "3", "4", "5", "6"]);
  body.string("purchase_order_number", { max: 17 });
  body.oneOf("tax_indicator", ["TAX_PROVIDED", "TAX_NOT_PROVIDED", "NON_TAXABLE"]);
  body.oneOf("receipt_type", ["FULL_RECEIPT", "INVOICE", "INVOICE_RECEIPT", "SIMPLE_RECEIPT", "NONE"]);
  problems.throwIfAny();
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return {
    payment_provider_contract: ppc as string,
    amount: amount as number,
    currency_code: currency as string,
    auth_type,
    capture_now,
    source: source as CardSource,
    ...defined,
  } as PaymentInput;
}
