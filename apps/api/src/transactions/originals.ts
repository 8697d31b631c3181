import { maxFollowOnChain, originalsToRead } from "@vbo/domain";
import type { Transaction, TransactionListItem } from "@vbo/verifone";
import type { Context } from "../context.ts";

/** What a read needs: the client, and the request id and logger to tie its upstream calls to the request. */
export type ReadContext = Pick<Context, "verifone" | "requestId" | "log">;

type AnyTransaction = Transaction | TransactionListItem;

// Parents are read one by one (Verifone has no id filter that ORs); a few at a time keeps a page of refunds quick
// without a burst of 50 requests.
const parallelReads = 6;

async function readSome(ctx: ReadContext, ids: readonly string[]): Promise<AnyTransaction[]> {
  const found: AnyTransaction[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      try {
        found.push(await ctx.verifone.transactions.get(id, { requestId: ctx.requestId }));
      } catch (err) {
        // A payment that cannot be read leaves its follow-ons without a verdict ("see the payment"); the list stands.
        ctx.log.warn({ err, transaction: id }, "could not read the original payment of a follow-on");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelReads, ids.length) }, worker));
  return found;
}

/**
 * `txs` and the original payments of their captures, refunds and voids (parent_id chains, up to maxFollowOnChain
 * links), by id — the page's own rows are never read again.
 */
export async function withOriginals(
  ctx: ReadContext,
  txs: readonly AnyTransaction[],
): Promise<Map<string, AnyTransaction>> {
  const byId = new Map<string, AnyTransaction>();
  for (const tx of txs) if (tx.id) byId.set(tx.id, tx);
  let round: readonly AnyTransaction[] = txs;
  for (let depth = 0; depth < maxFollowOnChain && round.length > 0; depth++) {
    const ids = originalsToRead(round, new Set(byId.keys()));
    if (ids.length === 0) break;
    round = await readSome(ctx, ids);
    for (const tx of round) if (tx.id) byId.set(tx.id, tx);
  }
  return byId;
}
