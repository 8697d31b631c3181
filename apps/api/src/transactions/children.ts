import type { Transaction, TransactionListItem } from "@vbo/verifone";
import type { Filter } from "@vbo/verifone/fields";
import type { Context } from "../context.ts";
import { upstream } from "../upstream.ts";

const day = 24 * 60 * 60_000;
// Verifone's transaction list spans at most one month per query (and 7 days when no start is given).
const window = 30 * day;

/**
 * A transaction's captures, refunds and voids. Verifone has no parent_id filter: children share the parent's
 * merchant_reference, so list that within the month after the parent and the latest month, and keep those whose
 * parent_id is the transaction's id. At most two upstream calls.
 */
export async function childrenOf(ctx: Context, tx: Transaction, now = new Date()): Promise<TransactionListItem[]> {
  const reference = tx.merchant_reference;
  const created = Date.parse(tx.created_at ?? "");
  if (!reference || !tx.id || Number.isNaN(created)) return [];
  const windows: [number, number][] = [[created, Math.min(now.getTime(), created + window)]];
  if (now.getTime() - created > window) windows.push([now.getTime() - window, now.getTime()]);
  const found = new Map<string, TransactionListItem>();
  for (const [from, to] of windows) {
    const filters: Filter[] = [
      { field: "merchant_reference", op: "eq", value: reference },
      { field: "created_at", op: "gte", value: new Date(from).toISOString() },
      { field: "created_at", op: "lte", value: new Date(to).toISOString() },
    ];
    const page = await upstream(() =>
      ctx.verifone.transactions.list({ filters, limit: 100 }, { requestId: ctx.requestId }),
    );
    for (const child of page) if (child.parent_id === tx.id && child.id) found.set(child.id, child);
  }
  return [...found.values()].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
}
