import { type CardData, decryptCard } from "../cards/encryptedCard.ts";
import { BodyReader, Problems } from "../ecommerce/bodyReader.ts";

/** Checks the bodies of `PUT /api/v2/card` (PutDto) and `PATCH /api/v2/card/{id}` (PatchDto). */
export type TokenType = "REUSE" | "ANALYTICS" | "REUSE_AND_ANALYTICS";
const tokenTypes: readonly TokenType[] = ["REUSE", "ANALYTICS", "REUSE_AND_ANALYTICS"];
const reuseTokenTypes = ["CHASE", "INTERNAL", "TAVE"] as const;

export type PutInput = {
  token_scope: string;
  card: CardData;
  card_brand?: string;
  token_type: TokenType;
  reuse_token_type: (typeof reuseTokenTypes)[number];
  token_expiry_date?: string;
};

const putFields = [
  "token_scope",
  "encrypted_card",
  "card_brand",
  "token_type",
  "reuse_token_type",
  "token_expiry_date",
  "public_key_alias",
  "token_context",
];

function readCard(body: BodyReader, now: number, required: boolean): CardData | undefined {
  if (!body.has("encrypted_card")) {
    if (required && !body.broken) body.problems.add("encrypted_card", "is required");
    return undefined;
  }
  body.string("public_key_alias", { required: true });
  const result = decryptCard(body.fields.encrypted_card, now);
  if ("problem" in result) return void body.problems.add("encrypted_card", result.problem);
  return result.card;
}

export function parsePutBody(raw: unknown, now: number): PutInput {
  const problems = new Problems("body");
  const body = BodyReader.of(raw, problems, "PutDto", putFields);
  const token_scope = body.uuid("token_scope", { required: true });
  const card = readCard(body, now, true);
  const card_brand = body.string("card_brand", { max: 32 });
  const token_type = body.oneOf("token_type", tokenTypes) ?? "REUSE";
  const reuse_token_type = body.oneOf("reuse_token_type", reuseTokenTypes) ?? "INTERNAL";
  const token_expiry_date = body.date("token_expiry_date");
  const context = body.object("token_context", "TokenContextDto", ["entity_id", "payment_provider_contract"]);
  if (reuse_token_type !== "INTERNAL" && !context)
    problems.add("token_context", `is required when reuse_token_type is ${reuse_token_type}`);
  problems.throwIfAny();
  return {
    token_scope: token_scope as string,
    card: card as CardData,
    ...(card_brand ? { card_brand } : {}),
    token_type,
    reuse_token_type,
    ...(token_expiry_date ? { token_expiry_date } : {}),
  };
}

export type PatchInput = {
  card?: CardData;
  card_holder_name?: string;
  card_holder_email?: string;
  expiry_month?: number;
  expiry_year?: number;
  token_expiry_date?: string;
};

const patchFields = [
  "encrypted_card",
  "cvv",
  "card_holder_name",
  "card_holder_email",
  "expiry_month",
  "expiry_year",
  "token_expiry_date",
  "public_key_alias",
  "scheme_token_action",
];

/** `cvv` is checked and dropped (never stored); `scheme_token_action` is accepted and has no effect (no scheme tokens). */
export function parsePatchBody(raw: unknown, now: number): PatchInput {
  const problems = new Problems("body");
  const body = BodyReader.of(raw, problems, "PatchDto", patchFields);
  const card = readCard(body, now, false);
  body.string("cvv", { max: 30 });
  body.oneOf("scheme_token_action", ["ACTIVATE", "SUSPEND", "DELETE"]);
  const input: PatchInput = {
    card,
    card_holder_name: body.string("card_holder_name", { max: 30 }),
    card_holder_email: body.email("card_holder_email"),
    expiry_month: body.integer("expiry_month", { min: 1, max: 12 }),
    expiry_year: body.integer("expiry_year", { min: 1000, max: 9999 }),
    token_expiry_date: body.date("token_expiry_date"),
  };
  problems.throwIfAny();
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as PatchInput;
}
