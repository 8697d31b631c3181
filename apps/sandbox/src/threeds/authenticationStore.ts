import { Columns } from "./columns.ts";
import { compileFilter } from "./matcher.ts";
import type { Condition, ListQuery } from "./queryGrammar.ts";
import { compareDefault, isDefaultSort, sortRows } from "./sorter.ts";
import { SortRanks } from "./sortRanks.ts";
import type { ThreeDSAuthentication } from "./types.ts";

/** Columns most queries touch, built up front so the first query is as fast as the next. */
const warmFields = [
  "amount",
  "created_at",
  "currency_code",
  "entity_id",
  "authentication.card_brand",
  "authentication.threeds_version",
  "authentication.enrolled",
  "authentication.pares_status",
  "authentication.signature_verification",
  "authentication.eci_flag",
  "authentication.ds_transaction_id",
];

/**
 * The 3DS records in memory, kept in the default order (newest first, then `_id`): a query without `_sort` filters
 * only until its page is full. With `_sort`, only the matches are sorted.
 */
export class AuthenticationStore {
  readonly #rows: ThreeDSAuthentication[];
  readonly #byId = new Map<string, ThreeDSAuthentication>();
  readonly #columns: Columns;
  readonly #ranks: SortRanks;

  constructor(records: readonly ThreeDSAuthentication[]) {
    this.#rows = records
      .map((record) => ({ record, ms: Date.parse(record.created_at) }))
      .sort((a, b) => b.ms - a.ms || compareDefault(a.record, b.record))
      .map(({ record }) => record);
    for (const record of this.#rows) this.#byId.set(record._id, record);
    this.#columns = new Columns(this.#rows);
    this.#ranks = new SortRanks(this.#columns);
    for (const field of warmFields) this.#columns.get(field);
    for (const field of ["_id", "amount", "created_at"]) this.#ranks.get(field); // _id: every sort's tie-break
  }

  get size(): number {
    return this.#rows.length;
  }

  get(id: string): ThreeDSAuthentication | undefined {
    return this.#byId.get(id);
  }

  add(record: ThreeDSAuthentication): void {
    if (this.#byId.has(record._id)) throw new Error(`duplicate authentication id ${record._id}`);
    let low = 0;
    let high = this.#rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareDefault(this.#rows[mid] as ThreeDSAuthentication, record) <= 0) low = mid + 1;
      else high = mid;
    }
    this.#rows.splice(low, 0, record);
    this.#columns.inserted(low, record);
    this.#ranks.inserted(low);
    this.#byId.set(record._id, record);
  }

  /** Replaces a record's content in place (same `_id` and `created_at`), e.g. when a challenge completes. */
  update(id: string, change: (record: ThreeDSAuthentication) => ThreeDSAuthentication): ThreeDSAuthentication | null {
    const current = this.#byId.get(id);
    if (!current) return null;
    const next = change(current);
    if (next._id !== id || next.created_at !== current.created_at) throw new Error("update may not move a record");
    const row = this.#rows.indexOf(current);
    this.#rows[row] = next;
    this.#columns.replaced(row, next);
    this.#ranks.replaced();
    this.#byId.set(id, next);
    return next;
  }

  list(query: ListQuery): ThreeDSAuthentication[] {
    const { skip, limit } = query;
    const test = compileFilter(query.conditions, this.#columns);
    const total = this.#rows.length;
    if (isDefaultSort(query.sort)) {
      if (!test) return this.#rows.slice(skip, skip + limit);
      const page: ThreeDSAuthentication[] = [];
      let seen = 0;
      for (let row = 0; row < total && page.length < limit; row++) {
        if (test(row) && seen++ >= skip) page.push(this.#rows[row] as ThreeDSAuthentication);
      }
      return page;
    }
    const matches: number[] = [];
    for (let row = 0; row < total; row++) if (!test || test(row)) matches.push(row);
    sortRows(matches, query.sort, this.#ranks);
    return matches.slice(skip, skip + limit).map((row) => this.#rows[row] as ThreeDSAuthentication);
  }

  count(conditions: readonly Condition[]): number {
    const test = compileFilter(conditions, this.#columns);
    if (!test) return this.#rows.length;
    let n = 0;
    for (let row = 0; row < this.#rows.length; row++) if (test(row)) n++;
    return n;
  }
}
