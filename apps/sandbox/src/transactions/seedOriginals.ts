import { hashSeed, maskPan, type SeededCard, seedCard } from "../cards/seedCard.ts";
import type { Merchant } from "../ecommerce/merchants.ts";
import { pickMerchant } from "../ecommerce/merchants.ts";
import type { History } from "../history.ts";
import { createRandom, type Random } from "../random.ts";
import { cardAt, type Entity, seedAuthentication } from "../threeds/seed.ts";
import { brandWeights, type Currency, currencyByCode, currencyWeights } from "../threeds/seedTables.ts";
import type { ThreeDSAuthentication } from "../threeds/types.ts";
import type { ProcessingModel, Token } from "../tokens/types.ts";
import { avsResults, declineCodes, placesByCurrency, priceIn, userAgents } from "./seedTables.ts";
import type { ShopperInteraction, StoredCredentialInfo, ThreeDSBlock, Transaction, TransactionKind } from "./types.ts";

/**
 * The original payments of the seed (children come from seed.ts). Flows:
 * - 3DS CIT: payment `o` follows 3DS authentication `o` (same amount, currency, merchant, card, a moment later) and
 *   carries its `threed_authentication` — without `signature_verification`, which the schema does not have.
 *   When that card is a token first used here, the payment is the token's stored-credential sign-up.
 * - Stored-credential charge with a reuse token: CIT credential-on-file, or MIT recurring / unscheduled /
 *   re-authorisation, as the token's sign-up allows (stored-credentials.txt).
 * - MO/TO and exempted e-commerce payments without 3DS.
 */
export type SeedContext = {
  seed: number;
  entities: readonly Entity[];
  merchants: readonly Merchant[];
  authentications: number;
  tokens: readonly Token[];
  tokenById: ReadonlyMap<string, Token>;
  history: History;
};

const minuteMs = 60_000;

function blockOf(auth: ThreeDSAuthentication): ThreeDSBlock {
  const a = auth.authentication;
  const block: ThreeDSBlock = {};
  for (const key of [
    "eci_flag",
    "enrolled",
    "cavv",
    "cavv_algorithm",
    "pares_status",
    "xid",
    "ds_transaction_id",
  ] as const)
    if (a[key] !== undefined) block[key] = a[key];
  if (a.threeds_version) block.threeds_version = a.threeds_version;
  return block;
}

/** Which authentications a merchant would pay on: not a pending challenge, not rejected, not abandoned. */
const payable = (auth: ThreeDSAuthentication) =>
  !["C", "R"].includes(auth.authentication.pares_status ?? "") && auth.authentication.challenge_cancel === undefined;

type Base = {
  rng: Random;
  merchant: Merchant;
  card: SeededCard;
  cardId: string;
  createdMs: number;
  amount: number;
  currency: Currency;
  kind: TransactionKind;
  interaction: ShopperInteraction;
  cit: boolean;
};

function baseRecord(ctx: SeedContext, b: Base): Transaction {
  const { rng, merchant, card, currency } = b;
  const [country, city] = rng.pick(placesByCurrency[currency.code] ?? [["US", "New York"]]);
  const customerRng = createRandom(hashSeed(ctx.seed, `customer:${b.cardId}`));
  const t: Transaction = {
    id: rng.uuid(),
    kind: b.kind,
    declined: false,
    amount: b.kind === "CARD_VERIFICATION" ? 0 : b.amount,
    currency_code: currency.code,
    created_at: new Date(b.createdMs).toISOString(),
    createdMs: b.createdMs,
    entity_id: merchant.entity_id,
    payment_provider_contract: merchant.payment_provider_contract,
    acquirer_merchant_id: merchant.acquirer_merchant_id,
    created_by: merchant.api_user_id,
    card: {
      brand: card.brand,
      bin: card.bin,
      last_four: card.last_four,
      masked: maskPan(card.bin, card.last_four, card.pan.length),
      expiry_month: card.expiry_month,
      expiry_year: card.expiry_year,
    },
    shopper_interaction: b.interaction,
    auto_capture: b.kind === "SALE",
    reason_code: "00",
    merchant_reference: `ORD-${b.createdMs.toString(36).toUpperCase()}-${rng.digits(4)}`,
    dynamic_descriptor: merchant.dynamic_descriptor,
    customer: customerRng.uuid(),
    customer_details: {
      first_name: card.first_name,
      last_name: card.last_name,
      email_address: `${card.first_name}.${card.last_name}@example.com`.toLowerCase(),
    },
    country_code: country,
    city,
    authorization_code: rng.digits(6),
    avs_result: rng.weighted(avsResults),
    cvv_present: b.cit,
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
  if (b.cit)
    t.cvv_result = rng.weighted([
      ["1", 90],
      ["2", 5],
      ["0", 5],
    ] as const);
  if (b.cit && b.interaction === "ECOMMERCE") {
    t.customer_ip = `${rng.int(2, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    t.user_agent = rng.pick(userAgents);
  }
  if (rng.chance(0.3)) t.invoice_number = `INV-${rng.digits(8)}`;
  if (b.kind === "SALE") t.arn = rng.digits(23);
  return t;
}

function decline(t: Transaction, rng: Random, code?: string): Transaction {
  t.declined = true;
  t.reason_code = code ?? rng.pick(declineCodes);
  delete t.authorization_code;
  delete t.arn;
  return t;
}

function citKind(rng: Random): TransactionKind {
  return rng.weighted<TransactionKind>([
    ["SALE", 65],
    ["AUTHORISATION", 22],
    ["PREAUTH", 13],
  ]);
}

function fromAuthentication(ctx: SeedContext, o: number, auth: ThreeDSAuthentication, rng: Random): Transaction {
  const brand = auth.authentication.card_brand ?? "VISA";
  const token = ctx.tokenById.get(auth.card ?? "");
  const signup = token?.signup && auth.card === cardAt(ctx.seed, o).id ? token.signup : undefined;
  const kind = signup
    ? rng.weighted<TransactionKind>([
        ["SALE", 50],
        ["CARD_VERIFICATION", 25],
        ["AUTHORISATION", 15],
        ["PREAUTH", 10],
      ])
    : citKind(rng);
  const t = baseRecord(ctx, {
    rng,
    merchant: ctx.merchants.find((m) => m.entity_id === auth.entity_id) ?? pickMerchant(rng, ctx.merchants),
    card: seedCard(ctx.seed, auth.card ?? auth._id, brand),
    cardId: auth.card ?? auth._id,
    createdMs: Date.parse(auth.created_at) + rng.int(2_000, 90_000),
    amount: auth.amount,
    currency: currencyByCode(auth.currency_code) as Currency,
    kind,
    interaction: "ECOMMERCE",
    cit: true,
  });
  t.threed_authentication = blockOf(auth);
  if (token) t.reuse_token = token.reuse_token;
  if (signup) t.stored_credential = { stored_credential_type: "SIGNUP", ...signup };
  else if (token?.signup?.processing_model === "NONE")
    t.stored_credential = { stored_credential_type: "CHARGE", ...token.signup, processing_model: "CREDENTIAL_ON_FILE" };
  if (auth.authentication.pares_status === "N") return decline(t, rng, "05");
  return rng.chance(0.04) ? decline(t, rng) : t;
}

/** The charge models a token's sign-up allows, with the customer present (CIT) or not (MIT). */
function chargeModel(rng: Random, signup: ProcessingModel): { model: ProcessingModel; cit: boolean } {
  if (signup === "RECURRING" || signup === "UNSCHEDULED_CREDENTIAL_ON_FILE") return { model: signup, cit: false };
  return rng.weighted([
    [{ model: "CREDENTIAL_ON_FILE", cit: true }, 50],
    [{ model: "UNSCHEDULED_CREDENTIAL_ON_FILE", cit: false }, 35],
    [{ model: "REAUTHORIZATION", cit: false }, 15],
  ] as const);
}

function tokenCharge(ctx: SeedContext, rng: Random, token: Token): Transaction {
  const signup = token.signup ?? { processing_model: "NONE", reference: rng.uuid(), scheme_reference: rng.digits(15) };
  const { model, cit } = chargeModel(rng, signup.processing_model);
  // Charged some time after the sign-up, as busy as the history around it (never at or after its end).
  const signedUp = Date.parse(token.created_at) + minuteMs;
  const drawn = ctx.history.at(rng);
  const createdMs =
    drawn > signedUp ? drawn : signedUp + Math.floor(rng.next() * Math.max(0, ctx.history.endMs - minuteMs - signedUp));
  // A subscription charges the same plan every time: amount and currency follow the token.
  const planRng = model === "RECURRING" ? createRandom(hashSeed(ctx.seed, `plan:${token.reuse_token}`)) : rng;
  const currency = planRng.weighted(currencyWeights);
  const t = baseRecord(ctx, {
    rng,
    merchant: ctx.merchants.find((m) => m.entity_id === token.entityId) ?? pickMerchant(rng, ctx.merchants),
    card: seedCard(ctx.seed, token.reuse_token, token.brand),
    cardId: token.reuse_token,
    createdMs,
    amount: priceIn(planRng, currency),
    currency,
    kind: model === "REAUTHORIZATION" ? rng.pick(["PREAUTH", "AUTHORISATION"] as const) : "SALE",
    interaction: "ECOMMERCE",
    cit,
  });
  t.reuse_token = token.reuse_token;
  const info: StoredCredentialInfo = {
    stored_credential_type: "CHARGE",
    processing_model: model,
    reference: signup.reference,
    scheme_reference: signup.scheme_reference,
  };
  t.stored_credential = info;
  return rng.chance(0.04) ? decline(t, rng, "51") : t;
}

function cardNotPresent(ctx: SeedContext, o: number, rng: Random): Transaction {
  const brand = rng.weighted(brandWeights);
  const currency = rng.weighted(currencyWeights);
  const cardId = `cnp-${o}`;
  const moto = rng.chance(0.55);
  const t = baseRecord(ctx, {
    rng,
    merchant: pickMerchant(rng, ctx.merchants),
    card: seedCard(ctx.seed, cardId, brand),
    cardId,
    createdMs: ctx.history.at(rng),
    amount: priceIn(rng, currency),
    currency,
    kind: citKind(rng),
    interaction: moto ? rng.pick(["MAIL", "TELEPHONE"] as const) : "ECOMMERCE",
    cit: true,
  });
  return rng.chance(0.06) ? decline(t, rng) : t;
}

/** Original payment `o`. */
export function seedOriginal(ctx: SeedContext, o: number, rng: Random): Transaction {
  const auth = o < ctx.authentications ? seedAuthentication(ctx.seed, o, ctx.history, ctx.entities) : null;
  if (auth && payable(auth) && rng.chance(0.8)) return fromAuthentication(ctx, o, auth, rng);
  const token = ctx.tokens.length > 0 && rng.chance(0.6) ? rng.pick(ctx.tokens) : null;
  return token ? tokenCharge(ctx, rng, token) : cardNotPresent(ctx, o, rng);
}
