import { createHash } from "node:crypto";
import { seedCard } from "../cards/seedCard.ts";
import type { Merchant } from "../ecommerce/merchants.ts";
import { pickMerchant } from "../ecommerce/merchants.ts";
import type { History } from "../history.ts";
import { createRandom } from "../random.ts";
import { cardAt, type Entity, seedAuthentication, subSeed } from "../threeds/seed.ts";
import type { ProcessingModel, Token, TokenStatus } from "./types.ts";

const dayMs = 86_400_000;

export function cardFingerprint(tokenScope: string, pan: string): string {
  return createHash("sha256").update(`${tokenScope}:${pan}`).digest("hex");
}

export type TokenSeedContext = {
  merchants: readonly Merchant[];
  entities: readonly Entity[];
  authentications: number;
  history: History;
};

/**
 * Token `j` is the card the 3DS seed first uses in record `j` (`cardAt(seed, j)`), so the 3DS records' `card` field
 * is a reuse token id whenever that card is among the first `count`. When record `j` did use that card, the token
 * was created with it (same merchant, a moment after the authentication: its stored-credential sign-up).
 */
export function seedToken(seed: number, j: number, context: TokenSeedContext): Token {
  const { id, brand } = cardAt(seed, j);
  const card = seedCard(seed, id, brand);
  const rng = createRandom(subSeed(seed, 20, j));
  const auth = j < context.authentications ? seedAuthentication(seed, j, context.history, context.entities) : null;
  const firstUse = auth?.card === id ? auth : null;
  const merchant =
    (firstUse && context.merchants.find((m) => m.entity_id === firstUse.entity_id)) ||
    pickMerchant(rng, context.merchants);
  const createdMs = firstUse ? Date.parse(firstUse.created_at) + rng.int(2_000, 90_000) : context.history.at(rng);
  const status = rng.weighted<TokenStatus>([
    ["ACTIVE", 85],
    ["SUSPENDED", 10],
    ["DELETED", 5],
  ]);
  const changed = status !== "ACTIVE" || rng.chance(0.3);
  const updatedMs = changed ? Math.min(createdMs + rng.int(1, 400) * dayMs, context.history.endMs) : createdMs;
  const model = rng.weighted<ProcessingModel>([
    ["NONE", 50],
    ["RECURRING", 30],
    ["UNSCHEDULED_CREDENTIAL_ON_FILE", 20],
  ]);
  const expiry = new Date(createdMs);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 3);
  return {
    reuse_token: id,
    ...(rng.chance(0.25) ? { analytics_token: rng.alnum(24) } : {}),
    bin: card.bin,
    last_four: card.last_four,
    expiry_month: card.expiry_month,
    expiry_year: card.expiry_year,
    card_holder_name: card.card_holder_name,
    ...(rng.chance(0.4) ? { card_holder_email: `${card.first_name}.${card.last_name}@example.com`.toLowerCase() } : {}),
    brand,
    issuer_country: card.issuer_country,
    issuer_name: card.issuer_name,
    type: card.type,
    variant: card.variant,
    created_at: new Date(createdMs).toISOString(),
    updated_at: new Date(Math.max(updatedMs, createdMs)).toISOString(),
    token_expiry_date: expiry.toISOString().slice(0, 10),
    reuse_token_type: "INTERNAL",
    token_scope: merchant.token_scope,
    token_status: status,
    entityId: merchant.entity_id,
    panLength: card.pan.length,
    fingerprint: cardFingerprint(merchant.token_scope, card.pan),
    signup: { processing_model: model, reference: rng.uuid(), scheme_reference: rng.digits(15) },
  };
}

/** `count` tokens; should two cards share an id (possible in very large seeds), the later card is skipped. */
export function seedTokens(seed: number, count: number, context: TokenSeedContext): Token[] {
  const tokens: Token[] = [];
  const ids = new Set<string>();
  for (let j = 0; tokens.length < count; j++) {
    const token = seedToken(seed, j, context);
    if (ids.has(token.reuse_token)) continue;
    ids.add(token.reuse_token);
    tokens.push(token);
  }
  return tokens;
}
