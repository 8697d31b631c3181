import { historyEndingAt } from "../history.ts";
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

/** `nowMs`: where the seeded history ends; `clockMs`: the sandbox's time now (settlement is due against it). */
export function createEcommerceState(
  seed: number,
  sizes: EcommerceSizes,
  nowMs: number,
  clockMs = nowMs,
): EcommerceState {
  const entities = seedEntities(seed);
  const merchants = seedMerchants(seed, entities);
  const history = historyEndingAt(nowMs);
  const tokens = seedTokens(seed, sizes.tokens, {
    merchants,
    entities,
    authentications: sizes.authentications,
    history,
  });
  const transactions = seedTransactions(seed, sizes.transactions, {
    entities,
    merchants,
    authentications: sizes.authentications,
    tokens,
    history,
  });
  return {
    merchants,
    tokens: new TokenStore(tokens),
    store: new TransactionStore(transactions, clockMs),
    idempotency: new IdempotencyBook(),
  };
}
