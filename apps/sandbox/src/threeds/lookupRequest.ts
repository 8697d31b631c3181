import { invalidParameters, type ParameterProblem } from "../http/errors.ts";
import { isLuhnValid } from "../luhn.ts";
import { maxAmount } from "./queryValues.ts";

/**
 * Checks a `POST /v2/lookup` body (LookupRequest): the required fields, the card source, and the shapes the schema
 * states for the fields the sandbox uses. Problems name the field, never its value (it may be card data).
 */
export type CardSource = { kind: "pan"; pan: string } | { kind: "card" | "reuse_token"; id: string };

export type LookupInput = {
  amount: number;
  currency_code: string;
  threeds_contract_id: string;
  threeds_version: string | undefined;
  source: CardSource;
};

const requiredText: Readonly<Record<string, number>> = {
  billing_first_name: 22,
  billing_last_name: 22,
  billing_address_1: 50,
  billing_city: 50,
  device_info_id: 255,
  email: 255,
  merchant_reference: 255,
  threeds_contract_id: 255,
};

/** The sandbox's stand-in for decryption: base64 of `{"cardNumber": …}`. */
function panFromEncryptedCard(encrypted: string): string | null {
  try {
    const card = JSON.parse(Buffer.from(encrypted, "base64").toString("utf8")) as { cardNumber?: unknown };
    const pan = String(card.cardNumber ?? "");
    return isLuhnValid(pan) && pan.length >= 12 && pan.length <= 19 ? pan : null;
  } catch {
    return null;
  }
}

function cardSource(body: Record<string, unknown>, bad: (p: string, m: string) => void): CardSource | null {
  const { encrypted_card, public_key_alias, card, reuse_token } = body;
  if (typeof encrypted_card === "string") {
    if (typeof public_key_alias !== "string" || public_key_alias === "")
      bad("public_key_alias", "is required with encrypted_card");
    const pan = panFromEncryptedCard(encrypted_card);
    if (pan) return { kind: "pan", pan };
    bad("encrypted_card", "could not be decrypted (the sandbox expects base64 of the card JSON)");
    return null;
  }
  if (typeof card === "string" && card !== "") return { kind: "card", id: card };
  if (typeof reuse_token === "string") {
    if (reuse_token.length >= 16 && reuse_token.length <= 255) return { kind: "reuse_token", id: reuse_token };
    bad("reuse_token", "must be 16 to 255 characters");
    return null;
  }
  bad("encrypted_card", "is required when neither card nor reuse_token is given");
  return null;
}

export function parseLookupRequest(body: unknown): LookupInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidParameters([{ parameter: "body", message: "must be a JSON object (LookupRequest)" }]);
  }
  const b = body as Record<string, unknown>;
  const problems: ParameterProblem[] = [];
  const bad = (parameter: string, message: string) => problems.push({ parameter, message });
  const { amount, currency_code, billing_country_code, threeds_version } = b;
  if (typeof amount !== "number" || !Number.isInteger(amount) || amount < 0 || amount > maxAmount)
    bad("amount", "is required: an integer amount in minor units");
  if (typeof currency_code !== "string" || !/^[A-Z]{3}$/.test(currency_code))
    bad("currency_code", "is required: an ISO 4217 alphabetic code");
  if (typeof billing_country_code !== "string" || !/^[A-Z]{2}$/.test(billing_country_code))
    bad("billing_country_code", "is required: an ISO 3166 alpha-2 code");
  for (const [field, max] of Object.entries(requiredText)) {
    const v = b[field];
    if (typeof v !== "string" || v.trim() === "") bad(field, "is required");
    else if (v.length > max) bad(field, `must be at most ${max} characters`);
  }
  if (typeof b.email === "string" && !b.email.includes("@")) bad("email", "must be an email address");
  if (threeds_version !== undefined && threeds_version !== "1.0.2") bad("threeds_version", 'may only be "1.0.2"');
  const source = cardSource(b, bad);
  if (problems.length > 0 || !source) throw invalidParameters(problems);
  return {
    amount: amount as number,
    currency_code: currency_code as string,
    threeds_contract_id: b.threeds_contract_id as string,
    threeds_version: threeds_version as string | undefined,
    source,
  };
}
