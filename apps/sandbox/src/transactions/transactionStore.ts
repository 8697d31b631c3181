import type { TransactionBook } from "./ledger.ts";
import { matcherFor } from "./matcher.ts";
import type { TransactionQuery } from "./queryGrammar.ts";
import { refreshStatuses, settlementDelayMs, settles } from "./statuses.ts";
import type { Transaction } from "./types.ts";

/** Newest first, then `id` ascending: the default order, and the tie-break of every sort. */
export function compareNewestFirst(a: Transaction, b: Transaction): number {
  return b.createdMs - a.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const compareOldestFirst = (a: Transaction, b: Transaction) =>
  a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The transactions in memory, kept newest first. A few thousand records are scanned per query (a predicate per
 * record); no column machinery is needed at this size. Records are mutable: the state machine updates a parent's
 * ledger in place when a child is added.
 */
export class TransactionStore implements TransactionBook {
  readonly #rows: Transaction[];
  readonly #byId = new Map<string, Transaction>();
  readonly #children = new Map<string, Transaction[]>();
  /** Records that will settle, oldest first is not needed: the set stays small (the last day's). */
  readonly #unsettled = new Set<Transaction>();

  constructor(records: readonly Transaction[], now = Date.now()) {
    this.#rows = [...records].sort(compareNewestFirst);
    for (const t of this.#rows) this.#index(t);
    this.settleDue(now);
  }

  #index(t: Transaction): void {
    if (this.#byId.has(t.id)) throw new Error(`duplicate transaction id ${t.id}`);
    this.#byId.set(t.id, t);
    if (t.parent_id) {
      const siblings = this.#children.get(t.parent_id);
      if (siblings) siblings.push(t);
      else this.#children.set(t.parent_id, [t]);
    }
    if (settles(t) && !t.settled) this.#unsettled.add(t);
  }

  get size(): number {
    return this.#rows.length;
  }

  get(id: string): Transaction | undefined {
    return this.#byId.get(id);
  }

  childrenOf(id: string): readonly Transaction[] {
    return this.#children.get(id) ?? [];
  }

  add(t: Transaction): void {
    this.#index(t);
    let low = 0;
    let high = this.#rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareNewestFirst(this.#rows[mid] as Transaction, t) <= 0) low = mid + 1;
      else high = mid;
    }
    this.#rows.splice(low, 0, t);
  }

  /** Sales, captures and refunds settle a day after they were created ("older than a day counts as settled"). */
  settleDue(now: number): void {
    for (const t of this.#unsettled) {
      if (now < t.createdMs + settlementDelayMs) continue;
      t.settled = true;
      refreshStatuses(t);
      this.#unsettled.delete(t);
    }
  }

  list(query: TransactionQuery): Transaction[] {
    const test = matcherFor(query.conditions);
    // `_skip` counts PAGES of `_limit` on this endpoint (the spec: "Skips a number of pages"), unlike /v2/3d.
    const offset = query.skipPages * query.limit;
    if (!query.ascending) {
      const page: Transaction[] = [];
      let seen = 0;
      for (const t of this.#rows) {
        if (page.length === query.limit) break;
        if (test(t) && seen++ >= offset) page.push(t);
      }
      return page;
    }
    return this.#rows
      .filter(test)
      .sort(compareOldestFirst)
      .slice(offset, offset + query.limit);
  }

  count(query: Pick<TransactionQuery, "conditions">): number {
    const test = matcherFor(query.conditions);
    let n = 0;
    for (const t of this.#rows) if (test(t)) n++;
    return n;
  }
}
