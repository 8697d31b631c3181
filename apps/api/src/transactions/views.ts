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
import {
  encodeThreeDSQuery,
  type ThreeDSAuthentication,
  type Transaction,
  type TransactionListItem,
} from "@vbo/verifone";
import type { Filter } from "@vbo/verifone/fields";
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

// Verifone answers 431 once a request line passes 8 KB, and the OR of the ~200 ids a 1,000-row page needs is ~12 KB.
// Each look-up's query string stays under this, leaving room for the path.
export const maxLookupQueryLength = 7_000;

/** The filters split into runs whose encoded query (with `_limit`) stays within `maxLookupQueryLength`. */
export function lookupChunks(filters: readonly Filter[]): Filter[][] {
  const chunks: Filter[][] = [];
  let chunk: Filter[] = [];
  let length = "_limit=10000".length;
  for (const filter of filters) {
    const piece = encodeThreeDSQuery({ filters: [filter] }).length + 1;
    if (chunk.length > 0 && length + piece > maxLookupQueryLength) {
      chunks.push(chunk);
      chunk = [];
      length = "_limit=10000".length;
    }
    chunk.push(filter);
    length += piece;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * The 3-D Secure authentications of a page of transactions, found with as few upstream queries as the URL limit
 * allows (several `eq` on ds_transaction_id, which Verifone ORs; one query for an ordinary page) — only for those
 * whose block lacks signature_verification.
 */
export async function authenticationsFor(
  ctx: ReadContext,
  txs: readonly AnyTransaction[],
): Promise<ThreeDSAuthentication[]> {
  const filters = authenticationLookupFilters(txs);
  if (filters.length === 0) return [];
  const found = await Promise.all(
    lookupChunks(filters).map((chunk) =>
      upstream(() =>
        ctx.verifone.threeDS.list(
          { filters: chunk, limit: Math.min(10_000, chunk.length * 2) },
          { requestId: ctx.requestId },
        ),
      ),
    ),
  );
  return found.flat();
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
