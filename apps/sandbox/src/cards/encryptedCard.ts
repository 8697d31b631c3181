import { isLuhnValid } from "../luhn.ts";

/**
 * The sandbox's stand-in for Verifone's card encryption: `encrypted_card` is base64 of the card JSON the docs
 * describe (`{"cardNumber","expiryMonth","expiryYear","cardholderName","cvv","captureTime"}`). Nothing is decrypted
 * for real; the PAN is used and dropped, never stored or echoed.
 */
export type CardData = {
  pan: string;
  expiryMonth?: number;
  expiryYear?: number;
  cardholderName?: string;
  cvvPresent: boolean;
  captureTime?: number;
};

/** Verifone: "Encrypted card is valid for only 15 minutes" (counted from `captureTime`, when given). */
export const encryptedCardLifetimeMs = 15 * 60_000;

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export type DecryptResult = { card: CardData } | { problem: string };

export function decryptCard(encrypted: unknown, now: number): DecryptResult {
  if (typeof encrypted !== "string" || encrypted === "") return { problem: "is required" };
  const json = parseJsonObject(Buffer.from(encrypted, "base64").toString("utf8"));
  if (!json) return { problem: "could not be decrypted (the sandbox expects base64 of the card JSON)" };
  const pan = String(json.cardNumber ?? "");
  if (!isLuhnValid(pan) || pan.length < 12 || pan.length > 19)
    return { problem: "does not hold a valid card number (12 to 19 digits, Luhn-valid)" };
  const month = Number(json.expiryMonth);
  const year = Number(json.expiryYear);
  const hasExpiry = json.expiryMonth !== undefined || json.expiryYear !== undefined;
  if (
    hasExpiry &&
    !(Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(year) && year >= 2000 && year <= 9999)
  )
    return { problem: "has an invalid expiryMonth / expiryYear" };
  let captureTime: number | undefined;
  if (json.captureTime !== undefined) {
    captureTime = Date.parse(String(json.captureTime));
    if (Number.isNaN(captureTime)) return { problem: "has a captureTime that is not an RFC 3339 date-time" };
    if (now - captureTime > encryptedCardLifetimeMs)
      return { problem: "has expired (captured more than 15 minutes ago)" };
  }
  const name = typeof json.cardholderName === "string" ? json.cardholderName.slice(0, 30) : undefined;
  return {
    card: {
      pan,
      ...(hasExpiry ? { expiryMonth: month, expiryYear: year } : {}),
      ...(name ? { cardholderName: name } : {}),
      cvvPresent: json.cvv !== undefined && json.cvv !== "",
      ...(captureTime !== undefined ? { captureTime } : {}),
    },
  };
}

/** Whether a card with this expiry has expired at `now` (it is valid through the end of its expiry month). */
export function isExpired(card: { expiryMonth?: number; expiryYear?: number }, now: number): boolean {
  if (card.expiryMonth === undefined || card.expiryYear === undefined) return false;
  return now >= Date.UTC(card.expiryYear, card.expiryMonth, 1);
}
