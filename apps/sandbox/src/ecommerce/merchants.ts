import { createRandom, type Random } from "../random.ts";
import { type Entity, subSeed } from "../threeds/seed.ts";

/**
 * What the eCommerce side knows of each seeded merchant entity (the 3DS seed's entities): its payment provider
 * contract, token scope, acquirer MID, the API user that creates its payments and its descriptor.
 */
export type Merchant = {
  entity_id: string;
  name: string;
  weight: number;
  payment_provider_contract: string;
  token_scope: string;
  acquirer_merchant_id: string;
  api_user_id: string;
  dynamic_descriptor: string;
};

export function seedMerchants(seed: number, entities: readonly Entity[]): Merchant[] {
  return entities.map((entity, i) => {
    const rng = createRandom(subSeed(seed, 30, i));
    return {
      entity_id: entity.entity_id,
      name: entity.merchantName,
      weight: entity.weight,
      payment_provider_contract: rng.uuid(),
      token_scope: rng.uuid(),
      acquirer_merchant_id: rng.digits(15),
      api_user_id: rng.uuid(),
      dynamic_descriptor: entity.merchantName
        .toUpperCase()
        .replace(/[^A-Z ]/g, "")
        .slice(0, 22),
    };
  });
}

export function pickMerchant(rng: Random, merchants: readonly Merchant[]): Merchant {
  return rng.weighted(merchants.map((m) => [m, m.weight] as const));
}
