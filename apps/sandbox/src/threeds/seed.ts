import { type Instant, instantMs } from "../clock.ts";
import { type History, historyEndingAt, historyMarginMs } from "../history.ts";
import { createRandom, type Random } from "../random.ts";
import { authenticationOutcome, type OutcomeTraits } from "./seedOutcome.ts";
import {
  type Brand,
  brandWeights,
  type Currency,
  currencyByCode,
  currencyWeights,
  merchantNames,
} from "./seedTables.ts";
import type { ThreeDSAuthentication } from "./types.ts";

/**
 * Deterministic, realistic 3DS authentications. Record `i` depends only on `(seed, i)`, so
 * `seedAuthentications(s, 100)` is the first 100 records of `seedAuthentications(s, 5000)` — later seeds (e.g.
 * transactions sharing `authentication.ds_transaction_id`) can rely on that.
 */

/** Visa stopped shifting liability for 3DS 1.0 on this day (3ds-legacy.txt). */
const visaLegacyCutoff = Date.UTC(2021, 9, 16);

type Traits = OutcomeTraits & { brand?: Brand; version?: string; createdAt?: string; currency?: string };

/** The first records of every seed cover the cases consumers must handle, whatever the seed or size. */
const scenarios: readonly Traits[] = [
  { brand: "VISA", version: "1.0.2", createdAt: "2021-03-09T14:12:05.000Z", enrolled: "Y", pares: "Y", signature: "Y" },
  { brand: "VISA", version: "1.0.2", createdAt: "2022-02-21T09:30:41.000Z", enrolled: "Y", pares: "Y", signature: "Y" },
  { brand: "MASTERCARD", version: "2.2.0", enrolled: "Y", pares: "C" },
  { brand: "VISA", version: "2.1.0", enrolled: "Y", pares: "Y", signature: null },
  { brand: "AMEX", version: "2.2.0", enrolled: "Y", pares: null, signature: null },
  { brand: "MASTERCARD", version: "2.2.0", enrolled: "Y", pares: "C", payload: "truncated" },
  { currency: "JPY", enrolled: "Y", pares: "Y", signature: "Y" },
  { currency: "BHD", enrolled: "Y", pares: "A", signature: "Y" },
  { brand: "VISA", version: "2.2.0", enrolled: "N" },
];

export type Entity = {
  entity_id: string;
  contracts: string[];
  merchantName: string;
  cavvEncoding: "base64" | "hex";
  weight: number;
};

/** splitmix32-style mixing: a well-spread sub-seed per (seed, stream, index). Streams 1–3 are the 3DS seed's. */
export function subSeed(seed: number, stream: number, index: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) >>> 0;
}

export function seedEntities(seed: number): Entity[] {
  const rng = createRandom(subSeed(seed, 1, 0));
  return merchantNames.slice(0, 3).map((merchantName, i) => ({
    entity_id: rng.uuid(),
    contracts: Array.from({ length: i === 0 ? 2 : 1 }, () => rng.uuid()),
    merchantName,
    cavvEncoding: i === 2 ? "hex" : "base64",
    weight: [60, 30, 10][i] ?? 10,
  }));
}

function pickOutcomeFields({ merchantName, cavvEncoding }: Entity) {
  return { merchantName, cavvEncoding };
}

/**
 * The card first used by record `k`: a reuse-token-like id (16 alphanumerics) and its brand. The eCommerce seed makes
 * the first `tokens` of these cards reuse tokens, so a 3DS record's `card` is often a token id.
 */
export function cardAt(seed: number, k: number): { id: string; brand: Brand } {
  const rng = createRandom(subSeed(seed, 2, k));
  const id = rng.alnum(16);
  return { id, brand: scenarios[k]?.brand ?? rng.weighted(brandWeights) };
}

/** A value that changes linearly between dated points (flat before the first and after the last). */
function along(points: readonly (readonly [number, number])[], ms: number): number {
  const first = points[0] as readonly [number, number];
  if (ms <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const [t1, v1] = points[i] as readonly [number, number];
    const [t0, v0] = points[i - 1] as readonly [number, number];
    if (ms <= t1) return v0 + ((v1 - v0) * (ms - t0)) / (t1 - t0);
  }
  return (points[points.length - 1] as readonly [number, number])[1];
}

/** 3DS 1.0.2 fades out through 2022 (Visa stopped shifting liability on 2021-10-16; retired 2022-10-15). */
const legacyShare = [
  [Date.UTC(2020, 5, 1), 0.3],
  [visaLegacyCutoff, 0.16],
  [Date.UTC(2022, 9, 15), 0.015],
  [Date.UTC(2023, 5, 1), 0.001],
] as const;
/** Of EMV 3DS, 2.2.0 takes over from 2.1.0 (retired 2024-09-24; a few issuers' ACSs lag behind). */
const share220 = [
  [Date.UTC(2020, 5, 1), 0.1],
  [Date.UTC(2022, 0, 1), 0.45],
  [Date.UTC(2023, 5, 1), 0.8],
  [Date.UTC(2024, 8, 24), 0.95],
  [Date.UTC(2025, 8, 1), 0.985],
] as const;

function versionFor(rng: Random, createdMs: number): string {
  if (rng.chance(along(legacyShare, createdMs))) return "1.0.2";
  return rng.chance(along(share220, createdMs)) ? "2.2.0" : "2.1.0";
}

/** A standard normal draw (Box–Muller). */
function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** An amount in minor units that looks like a basket in that currency: log-normal, median about 45 EUR. */
function amountFor(rng: Random, currency: Currency): number {
  const euros = Math.min(5000, Math.max(1, Math.exp(Math.log(45) + 0.95 * normal(rng))));
  const major = euros * currency.scale;
  if (currency.exponent === 0) return Math.max(10, Math.round(major / 10) * 10);
  const unit = 10 ** currency.exponent;
  const fraction =
    currency.exponent === 2 ? rng.pick([0, 0, 99, 50, 95, rng.int(1, 98)]) : rng.pick([0, 500, 250, rng.int(1, 999)]);
  return Math.max(1, Math.floor(major) * unit + fraction);
}

export function seedAuthentication(
  seed: number,
  index: number,
  history: History,
  entities: readonly Entity[] = seedEntities(seed),
): ThreeDSAuthentication {
  const rng = createRandom(subSeed(seed, 3, index));
  const traits: Traits = scenarios[index] ?? {};
  const entity = rng.weighted(entities.map((e) => [e, e.weight] as const));
  const cardIndex = index > 0 && !traits.brand && rng.chance(0.3) ? rng.int(0, index - 1) : index;
  const card = cardAt(seed, cardIndex);
  // A scenario's fixed day, unless `now` is before it.
  const fixedMs = traits.createdAt ? Date.parse(traits.createdAt) : Number.NaN;
  const createdMs = fixedMs < history.endMs - historyMarginMs ? fixedMs : history.at(rng);
  const version = traits.version ?? versionFor(rng, createdMs);
  const currency =
    (traits.currency && currencyByCode(traits.currency)) ||
    (card.brand === "CB" ? (currencyByCode("EUR") as Currency) : rng.weighted(currencyWeights));
  const amount = amountFor(rng, currency);
  const authentication = authenticationOutcome(
    rng,
    { brand: card.brand, version, createdMs, amount, currency, ...pickOutcomeFields(entity) },
    traits,
  );
  return {
    _id: rng.uuid(),
    amount,
    threeds_contract_id: rng.pick(entity.contracts),
    authentication,
    card: card.id,
    currency_code: currency.code,
    created_at: new Date(createdMs).toISOString(),
    entity_id: entity.entity_id,
    transaction_id: rng.alnum(20),
  };
}

/** The records a sandbox with this seed, size and `now` (where the history ends) serves. */
export function seedAuthentications(seed: number, count: number, now: Instant): ThreeDSAuthentication[] {
  const entities = seedEntities(seed);
  const history = historyEndingAt(instantMs(now));
  return Array.from({ length: count }, (_, i) => seedAuthentication(seed, i, history, entities));
}
