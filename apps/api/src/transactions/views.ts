import {
  authenticationLookupFilters,
  findMatchingAuthentication,
  majorAmountToMinor,
  type TransactionActions,
  transactionActions,
  transactionLiability,
} from "@vbo/domain";
import type { ThreeDSAuthentication, Transaction, TransactionListItem } from "@vbo/verifone";
import type { Context } from "../context.ts";
import { upstream } from "../upstream.ts";

type AnyTransaction = Transaction | TransactionListItem;

/** Verifone's record as it came, plus who carries liability, what can still be done, and the amount in minor units. */
export type TransactionView<T extends AnyTransaction = AnyTransaction> = T & {
  liability: ReturnType<typeof transactionLiability>;
  actions: Pick<TransactionActions, "refundable" | "capturable" | "voidable" | "voidKind" | "reasons">;
  amount_minor: number | null;
};

/**
 * The 3-D Secure authentications of a page of transactions, found with ONE upstream query (several `eq` on
 * ds_transaction_id, which Verifone ORs) — only for those whose block lacks signature_verification.
 */
export async function authenticationsFor(
  ctx: Context,
  txs: readonly AnyTransaction[],
): Promise<ThreeDSAuthentication[]> {
  const filters = authenticationLookupFilters(txs);
  if (filters.length === 0) return [];
  return upstream(() =>
    ctx.verifone.threeDS.list({ filters, limit: Math.min(10_000, filters.length * 2) }, { requestId: ctx.requestId }),
  );
}

export function toTransactionView<T extends AnyTransaction>(
  tx: T,
  authentications: readonly ThreeDSAuthentication[],
  children: readonly AnyTransaction[] = [],
): TransactionView<T> {
  return {
    ...tx,
    liability: transactionLiability(tx, findMatchingAuthentication(tx, authentications)),
    actions: transactionActions(tx, children),
    amount_minor: majorAmountToMinor(tx.amount, tx.currency_code ?? ""),
  };
}
