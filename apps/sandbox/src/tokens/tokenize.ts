import { createHash, randomInt } from "node:crypto";
import type { CardData } from "../cards/encryptedCard.ts";
import { hashSeed, profileOf } from "../cards/seedCard.ts";
import type { Merchant } from "../ecommerce/merchants.ts";
import { createRandom } from "../random.ts";
import { brandOfPan } from "../threeds/testCards.ts";
import { cardFingerprint } from "./seed.ts";
import type { PatchInput, PutInput } from "./tokenRequests.ts";
import type { TokenStore } from "./tokenStore.ts";
import type { Token } from "./types.ts";

/** Creating and re-linking tokens from a real (test) card. The PAN is fingerprinted, masked, and dropped. */

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function newTokenId(store: TokenStore): string {
  for (;;) {
    let id = "";
    for (let i = 0; i < 16; i++) id += alphabet[randomInt(alphabet.length)];
    if (!store.get(id)) return id;
  }
}

const analyticsTokenOf = (fingerprint: string) =>
  createHash("sha256").update(`analytics:${fingerprint}`).digest("hex").slice(0, 32);

/** What the issuer side says about a card: a pure function of the PAN (its BIN tables are the seed's). */
function issuerFacts(pan: string, brand: string) {
  const rng = createRandom(hashSeed(0, pan));
  const profile = profileOf(brand);
  const [issuer_name, issuer_country] = rng.pick(profile.issuers);
  return {
    issuer_name,
    issuer_country,
    type: rng.chance(profile.debitShare) ? "DEBIT" : "CREDIT",
    variant: rng.pick(profile.variants),
  } as const;
}

/** Sets a token's card fields from `card` (a new or the same PAN). */
function linkCard(token: Token, card: CardData, brand: string): void {
  const facts = issuerFacts(card.pan, brand);
  token.bin = card.pan.slice(0, 6);
  token.last_four = card.pan.slice(-4);
  token.panLength = card.pan.length;
  token.brand = brand;
  token.issuer_name = facts.issuer_name;
  token.issuer_country = facts.issuer_country;
  token.type = facts.type;
  token.variant = facts.variant;
  token.fingerprint = cardFingerprint(token.token_scope, card.pan);
  if (card.expiryMonth !== undefined) token.expiry_month = card.expiryMonth;
  if (card.expiryYear !== undefined) token.expiry_year = card.expiryYear;
  if (card.cardholderName) token.card_holder_name = card.cardholderName;
}

export type Tokenized = { token: Token; stored: boolean };

/**
 * PUT /api/v2/card: "If a token exists for the card already, it is updated with the information in the request.
 * Otherwise, a new token is created" — "the card" meaning the same PAN in the same token scope, and a deleted token
 * no longer counts. `token_type: ANALYTICS` stores nothing and answers an analytics token only.
 */
export function tokenize(store: TokenStore, merchants: readonly Merchant[], input: PutInput, now: number): Tokenized {
  const fingerprint = cardFingerprint(input.token_scope, input.card.pan);
  const brand = input.card_brand ?? brandOfPan(input.card.pan);
  const wantsAnalytics = input.token_type !== "REUSE";
  const existing = input.token_type === "ANALYTICS" ? undefined : store.liveTokenForCard(fingerprint);
  if (existing) {
    const token = store.update(
      existing.reuse_token,
      (t) => {
        linkCard(t, input.card, brand);
        if (input.token_expiry_date) t.token_expiry_date = input.token_expiry_date;
        if (wantsAnalytics) t.analytics_token = analyticsTokenOf(fingerprint);
      },
      now,
    );
    return { token, stored: true };
  }
  const at = new Date(now).toISOString();
  const merchant = merchants.find((m) => m.token_scope === input.token_scope);
  const token = {
    reuse_token: input.token_type === "ANALYTICS" ? "" : newTokenId(store),
    created_at: at,
    updated_at: at,
    reuse_token_type: input.reuse_token_type,
    token_scope: input.token_scope,
    token_status: "ACTIVE",
    entityId: merchant?.entity_id ?? merchants[0]?.entity_id ?? "",
    ...(input.token_expiry_date ? { token_expiry_date: input.token_expiry_date } : {}),
    ...(wantsAnalytics ? { analytics_token: analyticsTokenOf(fingerprint) } : {}),
  } as Token;
  linkCard(token, input.card, brand);
  if (input.token_type === "ANALYTICS") return { token, stored: false };
  store.add(token);
  return { token, stored: true };
}

/** PATCH /api/v2/card/{id}: partial details, or a new PAN when `encrypted_card` is present. */
export function patchToken(store: TokenStore, id: string, patch: PatchInput, now: number): Token {
  return store.update(
    id,
    (token) => {
      if (patch.card) linkCard(token, patch.card, brandOfPan(patch.card.pan));
      if (patch.card_holder_name !== undefined) token.card_holder_name = patch.card_holder_name;
      if (patch.card_holder_email !== undefined) token.card_holder_email = patch.card_holder_email;
      if (patch.expiry_month !== undefined) token.expiry_month = patch.expiry_month;
      if (patch.expiry_year !== undefined) token.expiry_year = patch.expiry_year;
      if (patch.token_expiry_date !== undefined) token.token_expiry_date = patch.token_expiry_date;
    },
    now,
  );
}
