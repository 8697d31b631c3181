import type { SortKey } from "./queryGrammar.ts";
import type { SortRanks } from "./sortRanks.ts";
import type { ThreeDSAuthentication } from "./types.ts";

/**
 * Orders for `_sort` keys, applied in order, then `_id` ascending so the order is total and stable across pages.
 * Numbers (amount, created_at) compare numerically, strings by UTF-16 code units; a missing value sorts first
 * ascending and last descending (MongoDB's order for missing fields). Without `_sort`: newest first.
 */
export const defaultSort: readonly SortKey[] = [{ field: "created_at", desc: true }];

export function isDefaultSort(keys: readonly SortKey[]): boolean {
  return keys.length === 0 || (keys.length === 1 && keys[0]?.field === "created_at" && keys[0].desc === true);
}

const bitsFor = (max: number) => Math.max(1, Math.ceil(Math.log2(max + 1)));

/**
 * Sorts row numbers in place. When the keys' ranks fit in 53 bits together with the `_id` rank (the usual case), each
 * row becomes one float and a native typed-array sort does the work; otherwise a comparator over ranks.
 */
export function sortRows(rows: number[], keys: readonly SortKey[], ranks: SortRanks): number[] {
  const id = ranks.get("_id");
  const parts = keys.map(({ field, desc }) => ({ ...ranks.get(field), desc }));
  const bits = [...parts, id].reduce((sum, p) => sum + bitsFor(p.max), 0);
  if (bits <= 53) {
    const rowOfId = new Int32Array(id.max + 1);
    const packed = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      let key = 0;
      for (const p of parts) {
        const r = p.ranks[row] as number;
        key = key * 2 ** bitsFor(p.max) + (p.desc ? p.max - r : r);
      }
      const idRank = id.ranks[row] as number;
      rowOfId[idRank] = row;
      packed[i] = key * 2 ** bitsFor(id.max) + idRank;
    }
    packed.sort();
    const idSpan = 2 ** bitsFor(id.max);
    for (let i = 0; i < rows.length; i++) rows[i] = rowOfId[(packed[i] as number) % idSpan] as number;
    return rows;
  }
  return rows.sort((a, b) => {
    for (const p of parts) {
      const c = (p.ranks[a] as number) - (p.ranks[b] as number);
      if (c !== 0) return p.desc ? -c : c;
    }
    return (id.ranks[a] as number) - (id.ranks[b] as number);
  });
}

/** The default order on whole records, for placing a new record among the others. */
export function compareDefault(a: ThreeDSAuthentication, b: ThreeDSAuthentication): number {
  const byTime = Date.parse(b.created_at) - Date.parse(a.created_at);
  if (byTime !== 0) return byTime;
  return a._id === b._id ? 0 : a._id < b._id ? -1 : 1;
}
