// The query grammar of GET /api/v2/transactions (and /count) is NOT the 3-D Secure one, although both are Verifone's:
//
// - filters are plain `field=value` parameters: no `!=`, `~=`, `>=`, `<=` suffixes are documented;
// - the only range is on `created_at`, sent as two separate parameters, `created_start` (≥) and `created_end` (≤);
//   the catalog (transactionFields, generated from the spec) says which parameter carries which bound;
// - `_sort` takes a single value (`created_at` or `-created_at`), not a repeated list;
// - SURPRISE: `_skip` counts PAGES of `_limit` ("Skips a number of pages"), while on GET /v2/3d it counts records.
//   Our API's `skip` always counts records, so it is divided by the limit here, and a skip that is not a whole number
//   of pages is refused rather than silently rounded (rounding would show rows the user did not ask for).
//
// Also from the spec, worth knowing: without `created_start` Verifone lists only the last 7 days, and a range may
// span at most one month. The count endpoint does not document `created_start` / `created_end` at all; they are sent
// to it anyway, so that a count and the list it heads agree on which transactions they mean.
import type { Filter, Sort } from "../fields/fieldSpec.ts";
import { transactionFields } from "../fields/transactionFields.generated.ts";
import { checkCount, encodeStrict, encodeValue } from "./encodeQuery.ts";

export type TransactionsQuery = { filters?: readonly Filter[]; sort?: readonly Sort[]; limit?: number; skip?: number };

/** `_limit` when none is sent, per the spec (GET /v2/3d's default is 2000). */
export const transactionsDefaultLimit = 50;
export const transactionsMaxLimit = 10_000;

const rangeParams = new Map<string, { gte?: string; lte?: string }>();
for (const spec of transactionFields) if ("rangeParams" in spec) rangeParams.set(spec.field, spec.rangeParams);

/** Parameter names a filter field must not take: paging/sorting, and the range parameters (use gte/lte instead). */
const reserved = new Set(["_sort", "_limit", "_skip", ...[...rangeParams.values()].flatMap((r) => Object.values(r))]);

function encodeField(field: string, what: string): string {
  if (field === "") throw new TypeError(`${what} needs a field name`);
  if (reserved.has(field)) {
    throw new TypeError(`${what}: "${field}" is a paging, sorting or range parameter, not a field`);
  }
  return encodeStrict(field, `${what}'s field name`);
}

function encodeFilter(filter: Filter, boundsSent: Set<string>): string {
  if (filter.op === "eq") return `${encodeField(filter.field, "a filter")}=${encodeValue(filter)}`;
  if (filter.op === "gte" || filter.op === "lte") {
    const param = rangeParams.get(filter.field)?.[filter.op];
    if (!param) {
      const ranged = [...rangeParams.keys()].join(", ");
      throw new TypeError(`filter on ${filter.field}: transactions take a ${filter.op} bound only on ${ranged}`);
    }
    if (boundsSent.has(param)) throw new TypeError(`filter on ${filter.field}: only one ${filter.op} bound is allowed`);
    boundsSent.add(param);
    return `${param}=${encodeValue(filter)}`;
  }
  throw new TypeError(
    `filter on ${filter.field}: transactions take only "eq" filters (and gte/lte on created_at), not ${JSON.stringify(filter.op)}`,
  );
}

/** `skip` records → `_skip` pages of `limit`. */
function pagesToSkip(skip: number, limit: number): string {
  checkCount("skip", skip, 0);
  if (skip % limit !== 0) {
    throw new RangeError(
      `skip must be a multiple of limit on transactions (Verifone skips whole pages): ${skip} is not a multiple of ${limit}`,
    );
  }
  return String(skip / limit);
}

/**
 * The query string (without `?`) for GET /api/v2/transactions and /api/v2/transactions/count. `skip` counts records,
 * as everywhere in our API, and must be a multiple of `limit` (default 50, Verifone's); when `skip` is given,
 * `_limit` is always sent, so the page size the skip was computed with is the one Verifone uses.
 */
export function encodeTransactionsQuery(query: TransactionsQuery): string {
  const parts: string[] = [];
  const boundsSent = new Set<string>();
  for (const filter of query.filters ?? []) parts.push(encodeFilter(filter, boundsSent));
  const sort = query.sort ?? [];
  if (sort.length > 1) throw new TypeError("transactions can be sorted on one field only");
  for (const s of sort) {
    // A leading "-" means descending, so a field name that itself starts with "-" is escaped.
    const field = encodeField(s.field, "a sort").replace(/^-/, "%2D");
    parts.push(`_sort=${s.desc ? "-" : ""}${field}`);
  }
  if (query.limit !== undefined) {
    checkCount("limit", query.limit, 1);
    if (query.limit > transactionsMaxLimit) throw new RangeError(`limit must be at most ${transactionsMaxLimit}`);
  }
  const limit = query.limit ?? (query.skip !== undefined ? transactionsDefaultLimit : undefined);
  if (limit !== undefined) parts.push(`_limit=${limit}`);
  if (query.skip !== undefined) parts.push(`_skip=${pagesToSkip(query.skip, limit ?? transactionsDefaultLimit)}`);
  return parts.join("&");
}
