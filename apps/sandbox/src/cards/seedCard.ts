import { luhnCheckDigit } from "../luhn.ts";
import { createRandom } from "../random.ts";
import { type BrandProfile, brandProfiles, type CardType, firstNames, lastNames } from "./cardTables.ts";

/**
 * The card behind a seeded card id (a 3DS record's `card`, which is also a reuse token id when it is one of the first
 * `tokens` cards). A pure function of (seed, id, brand), so a token and every transaction paid with it agree on BIN,
 * last four, expiry and holder. The PAN exists only to fingerprint the card; it is never served.
 */
export type SeededCard = {
  pan: string;
  brand: string;
  bin: string;
  last_four: string;
  expiry_month: number;
  expiry_year: number;
  first_name: string;
  last_name: string;
  card_holder_name: string;
  issuer_name: string;
  issuer_country: string;
  type: CardType;
  variant: string;
};

/** FNV-1a over `seed:text`: a well-spread 32-bit seed for a record keyed by a string. */
export function hashSeed(seed: number, text: string): number {
  let h = 0x811c9dc5 ^ seed;
  const key = `${seed}:${text}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function profileOf(brand: string): BrandProfile {
  return brandProfiles[brand] ?? (brandProfiles.VISA as BrandProfile);
}

export function seedCard(seed: number, id: string, brand: string): SeededCard {
  const rng = createRandom(hashSeed(seed, id));
  const profile = profileOf(brand);
  const bin = rng.pick(profile.bins);
  const body = bin + rng.digits(profile.length - bin.length - 1);
  const pan = body + luhnCheckDigit(body);
  const [issuer_name, issuer_country] = rng.pick(profile.issuers);
  const first_name = rng.pick(firstNames);
  const last_name = rng.pick(lastNames);
  return {
    pan,
    brand,
    bin,
    last_four: pan.slice(-4),
    expiry_month: rng.int(1, 12),
    expiry_year: rng.int(2025, 2032),
    first_name,
    last_name,
    card_holder_name: `${rng.pick(["MR", "MS", "DR"])} ${first_name[0]} ${last_name}`,
    issuer_name,
    issuer_country,
    type: rng.chance(profile.debitShare) ? "DEBIT" : "CREDIT",
    variant: rng.pick(profile.variants),
  };
}

/** `492912******3127`: the first six and last four digits, at most 16 characters (the spec's maxLength). */
export function maskPan(bin: string, lastFour: string, length: number): string {
  return `${bin.slice(0, 6)}${"*".repeat(Math.max(2, Math.min(length, 16) - 10))}${lastFour}`;
}

/** Verifone's `payment_product_type` for a card brand (the spec's enum has no JCB, CB or UPI: those are Unknown). */
export function paymentProductType(brand: string): string {
  const types: Record<string, string> = {
    VISA: "Visa",
    MASTERCARD: "Mastercard",
    AMEX: "Amex",
    DISCOVER: "Discover",
    MAESTRO: "Maestro",
    DINERS: "Diners Club International",
  };
  return types[brand] ?? "Unknown";
}
