import type { Sizes } from "../app.ts";
import { type Instant, instantMs } from "../clock.ts";
import { tokenResponse } from "../tokens/views.ts";
import { listView } from "../transactions/views.ts";
import { createEcommerceState } from "./ecommerceState.ts";

/**
 * What a fresh sandbox with this seed and these sizes serves: every token as `GET /api/v2/card/{id}` answers it (in
 * seed order), and every transaction as `GET /api/v2/transactions` lists it (newest first). For tests that compute
 * expectations independently of the sandbox's query code. Sizes default to the sandbox's defaults; `now` is where the
 * history ends (the sandbox's `now` / SANDBOX_NOW), and settlement is as of that instant.
 */
export function seedEcommerce(seed: number, sizes: Partial<Sizes>, now: Instant) {
  const state = createEcommerceState(
    seed,
    { authentications: 5000, tokens: 500, transactions: 3000, ...sizes },
    instantMs(now),
  );
  const transactions = state.store.list({
    conditions: [],
    limit: Number.MAX_SAFE_INTEGER,
    skipPages: 0,
    ascending: false,
  });
  return { tokens: state.tokens.all().map(tokenResponse), transactions: transactions.map(listView) };
}
