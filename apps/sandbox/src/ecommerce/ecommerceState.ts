import { seedEntities } from "../threeds/seed.ts";
import { seedTokens } from "../tokens/seed.ts";
import { TokenStore } from "../tokens/tokenStore.ts";
import { IdempotencyBook } from "../transactions/idempotency.ts";
import { seedTransactions } from "../transactions/seed.ts";
import { TransactionStore } from "../transactions/transactionStore.ts";
import { type Merchant, seedMerchants } from "./merchants.ts";

/** Everything the eCommerce endpoints keep (tokens, transactions, idempotency keys); rebuilt by a reset. */
export type EcommerceState = {
  merchants: readonly Merchant[];
  tokens: TokenStore;
  store: TransactionStore;
  idempotency: IdempotencyBook;
};

export type EcommerceSizes = { authentications: number; tokens: number; transactions: number };

export function createEcommerceState(seed: number, sizes: EcommerceSizes): EcommerceState {
  const entities = seedEntities(seed);
  const merchants = seedMerchants(seed, entities);
  const tokens = seedTokens(seed, sizes.tokens, { merchants, entities, authentications: sizes.authentications });
  const transactions = seedTransactions(seed, sizes.transactions, {
    entities,
    merchants,
    authentications: sizes.authentications,
    tokens,
  });
  return {
    merchants,
    tokens: new TokenStore(tokens),
    store: new TransactionStore(transactions),
    idempotency: new IdempotencyBook(),
  };
}
