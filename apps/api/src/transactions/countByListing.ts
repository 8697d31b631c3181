import type { Filter } from "@vbo/domain";
import type { Context } from "../context.ts";
import { upstream } from "../upstream.ts";

/** Up to this many transactions are counted by listing them; beyond it the count is "more than". */
export const listedCountCap = 5000;
const pageSize = 1000;

/**
 * How many transactions a view holds, up to listedCountCap + 1: the list covers a created range (the view's, or by
 * default the last 7 days, at most a month) while Verifone's count endpoint takes no created_start / created_end and
 * counts everything, so the list itself (the same filters) is walked a page at a time.
 */
export async function countByListing(ctx: Context, filters: Filter[]): Promise<number> {
  let seen = 0;
  for (let skip = 0; seen <= listedCountCap; skip += pageSize) {
    const page = await upstream(() =>
      ctx.verifone.transactions.list({ filters, limit: pageSize, skip }, { requestId: ctx.requestId }),
    );
    seen += page.length;
    if (page.length < pageSize) break;
  }
  return Math.min(seen, listedCountCap + 1);
}
