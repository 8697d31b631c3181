import {
  authenticationLookupFilters,
  type CarriedLiability,
  carriedLiability,
  findMatchingAuthentication,
  majorAmountToMinor,
  type TransactionActions,
  transactionActions,
  transactionLiability,
} from "@vbo/domain";
import type { ThreeDSAuthentication, Transaction, TransactionListItem } from "@vbo/verifone";
import { upstream } from "../upstream.ts";
import { type ReadContext, withOriginals } from "./originals.ts";

type AnyTransaction = Transaction | TransactionListItem;

/**
 * Verifone's record as it came, plus who carries liability, what can still be done, and the amount in minor units.
 * A capture, refund or void carries its original payment's verdict (`liabilityOf` names that payment); `liability` is
 * null only when that payment could not be found.
 */
export type TransactionView<T extends AnyTransaction = AnyTransaction> = T &
  CarriedLiability & {
    actions: Pick<TransactionActions, "refundable" | "capturable" | "voidable" | "voidKind" | "reasons">;
    amount_minor: number | null;
  };

/**
 * The 3-D Secure authentications of a page of transactions, found with ONE upstream query (several `eq` on
 * ds_transaction_id, which Verifone ORs) — only for those whose block lacks signature_verification.
 */
export async function authenticationsFor(
  ctx: ReadContext,
  txs: readonly AnyTransaction[],
): Promise<ThreeDSAuthentication[]> {
  const filters = authenticationLookupFilters(txs);
  if (filters.length === 0) return [];
  return upstream(() =>
    ctx.verifone.threeDS.list({ filters, limit: Math.min(10_000, filters.length * 2) }, { requestId: ctx.requestId }),
  );
}

/**
 * `tx` as the dashboard shows it. `originals` holds the payments its parent_id chain leads to (see withOriginals);
 * `authentications` the 3-D Secure records that complete their blocks.
 */
export function toTransactionView<T extends AnyTransaction>(
  tx: T,
  authentications: readonly ThreeDSAuthentication[],
  originals: ReadonlyMap<string, AnyTransaction>,
  children: readonly AnyTransaction[] = [],
): TransactionView<T> {
  const own = (payment: AnyTransaction) =>
    transactionLiability(payment, findMatchingAuthentication(payment, authentications));
  const { liability, liabilityOf } = carriedLiability<AnyTransaction>(tx, (id) => originals.get(id), own);
  const added: Omit<TransactionView, keyof AnyTransaction> = {
    liability,
    liabilityOf,
    actions: transactionActions(tx, children),
    amount_minor: majorAmountToMinor(tx.amount, tx.currency_code ?? ""),
  };
  return Object.assign({}, tx, added);
}

/**
 * A page of transactions as the dashboard shows them: the original payments of its follow-ons are read, then ONE
 * 3-D Secure query completes every block the verdicts need.
 */
export async function transactionViews<T extends AnyTransaction>(
  ctx: ReadContext,
  txs: readonly T[],
): Promise<TransactionView<T>[]> {
  const originals = await withOriginals(ctx, txs);
  const authentications = await authenticationsFor(ctx, [...originals.values()]);
  return txs.map((tx) => toTransactionView(tx, authentications, originals));
}
