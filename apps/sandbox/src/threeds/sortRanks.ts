import type { Columns, FieldValue } from "./columns.ts";

/**
 * Dense ranks per field (0 = missing, then 1, 2, … in ascending value order), so sorting compares small integers
 * instead of strings. Built on first use. A new record keeps the `_id` ranks (every sort's tie-break, the costliest
 * to rebuild) up to date in linear time; the other fields' ranks are rebuilt when next needed.
 */
export type FieldRanks = { ranks: Int32Array; max: number };
type Ranked = FieldRanks & { order: number[] };

function compareValues(a: FieldValue, b: FieldValue): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

function ranksFromOrder(order: number[], column: readonly FieldValue[], unique: boolean): Ranked {
  const ranks = new Int32Array(column.length);
  let max = 0;
  let previous: FieldValue;
  for (const row of order) {
    const value = column[row];
    if (value === undefined) continue; // rank 0
    if (unique || max === 0 || value !== previous) {
      max++;
      previous = value;
    }
    ranks[row] = max;
  }
  return { ranks, max, order };
}

export class SortRanks {
  readonly #cache = new Map<string, Ranked>();
  readonly #columns: Columns;

  constructor(columns: Columns) {
    this.#columns = columns;
  }

  get(field: string): FieldRanks {
    let ranked = this.#cache.get(field);
    if (!ranked) {
      const column = this.#columns.get(field);
      const order = Array.from(column, (_, row) => row).sort((a, b) => compareValues(column[a], column[b]));
      ranked = ranksFromOrder(order, column, field === "_id");
      this.#cache.set(field, ranked);
    }
    return ranked;
  }

  /** Call after a record was inserted at `row` (and the columns updated). */
  inserted(row: number): void {
    const ids = this.#cache.get("_id");
    this.#cache.clear();
    if (!ids) return;
    const column = this.#columns.get("_id");
    const order = ids.order.map((r) => (r >= row ? r + 1 : r));
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareValues(column[order[mid] as number], column[row]) < 0) low = mid + 1;
      else high = mid;
    }
    order.splice(low, 0, row);
    this.#cache.set("_id", ranksFromOrder(order, column, true));
  }

  /** Call after the record at `row` changed (its `_id` stays). */
  replaced(): void {
    const ids = this.#cache.get("_id");
    this.#cache.clear();
    if (ids) this.#cache.set("_id", ids);
  }
}
