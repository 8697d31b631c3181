import type { Token } from "./types.ts";

/**
 * The three token shapes of ecommerce-api.json, each exactly its schema's fields: GET → `TokenResponse`,
 * PUT → `CardResponse` (no top-level brand; it is in `bin_details`), PATCH → `PatchTokenResponse` (no
 * `reuse_token`). Payments carry `TokenDetails` (full) or `TokenDetailsPartial` (GET transaction).
 */
type Json = Record<string, unknown>;

/** Copies the fields of `token` named in `keys` that are set (no `undefined` values in the JSON). */
function pick(token: Token, keys: readonly (keyof Token)[]): Json {
  const out: Json = {};
  for (const key of keys) if (token[key] !== undefined) out[key] = token[key];
  return out;
}

export function binDetails(token: Token): Json {
  return {
    bin: token.bin,
    brand: token.brand,
    issuer_country: token.issuer_country,
    issuer_name: token.issuer_name,
    last_four: token.last_four,
    type: token.type,
    ...(token.variant ? { variant: token.variant } : {}),
  };
}

const cardFields = ["bin", "expiry_month", "expiry_year", "last_four", "card_holder_name"] as const;
const lifecycle = ["updated_at", "created_at", "token_expiry_date"] as const;

/** GET /api/v2/card/{id} */
export function tokenResponse(token: Token): Json {
  return {
    ...pick(token, ["reuse_token", "analytics_token", ...cardFields]),
    ...pick(token, ["brand", "issuer_country", "issuer_name", "type", "variant", ...lifecycle]),
    ...pick(token, ["reuse_token_type", "token_scope", "token_status"]),
    bin_details: binDetails(token),
  };
}

/** PUT /api/v2/card */
export function cardResponse(token: Token): Json {
  return {
    ...pick(token, ["reuse_token", "analytics_token", ...cardFields]),
    bin_details: binDetails(token),
    ...pick(token, [...lifecycle, "reuse_token_type", "token_scope", "token_status", "issuer_country"]),
  };
}

/** PATCH /api/v2/card/{id} */
export function patchTokenResponse(token: Token): Json {
  return {
    ...pick(token, [...cardFields, "card_holder_email", ...lifecycle, "token_status", "issuer_country"]),
    bin_details: binDetails(token),
  };
}

/** `token_details` of a card payment's response (`TokenDetails`). */
export function tokenDetails(token: Token): Json {
  return pick(token, [
    "reuse_token",
    "reuse_token_type",
    "analytics_token",
    "token_expiry_date",
    "token_scope",
    "token_status",
    "created_at",
    "updated_at",
    "variant",
    "type",
    "issuer_name",
    "issuer_country",
    "brand",
    "expiry_year",
    "expiry_month",
    "card_holder_name",
    "last_four",
    "bin",
  ]);
}
