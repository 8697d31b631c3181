// Verifone's list grammar puts the operator in the parameter name: `amount>=7500` is the parameter `amount>` with the
// value 7500. So the characters ! > < ~ are meaningful right before `=` and must never appear raw inside a field name
// or a value: both are percent-encoded strictly (RFC 3986 unreserved characters only).
//
// `>` and `<` are sent as written; a WHATWG URL parser (fetch) turns them into %3E / %3C on the way out, which
// Verifone and the sandbox decode back to the same parameter name.
import type { Filter, FilterOp, Sort } from "../fields/fieldSpec.ts";

export type ThreeDSQuery = { filters?: readonly Filter[]; sort?: readonly Sort[]; limit?: number; skip?: number };

const operatorText: Record<FilterOp, string> = { eq: "=", neq: "!=", gte: ">=", lte: "<=", like: "~=" };
const reserved = new Set(["_sort", "_limit", "_skip"]);

/** encodeURIComponent, plus ! ' ( ) * ~ which it leaves raw. Throws a TypeError naming `what` for unpaired surrogates. */
export function encodeStrict(text: string, what = "a query value"): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    throw new TypeError(`${what} is not well-formed Unicode text`);
  }
  return encoded.replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A filter's value, strictly percent-encoded; refuses numbers Verifone cannot take (NaN, ±Infinity). */
export function encodeValue(filter: Filter): string {
  const { value } = filter;
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`filter on ${filter.field}: ${value} is not a number Verifone can take`);
  }
  return encodeStrict(String(value), `the value of the filter on ${filter.field}`);
}

function encodeField(field: string, what: string): string {
  if (field === "") throw new TypeError(`${what} needs a field name`);
  if (reserved.has(field)) throw new TypeError(`${what}: "${field}" is a paging/sorting parameter, not a field`);
  return encodeStrict(field, `${what}'s field name`);
}

/** The decimal text of an integer ≥ `min`; a RangeError naming `name` otherwise. */
export function checkCount(name: string, value: number, min: number): string {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}`);
  return String(value);
}

/**
 * The query string (without `?`) for GET /v2/3d and /v2/3d/count, exactly as CONTRACT.md §1 describes:
 * eq → `field=v`, neq → `field!=v`, gte → `field>=v`, lte → `field<=v`, like → `field~=v`; repeated `_sort=field` /
 * `_sort=-field` in the given order; `_limit` / `_skip` (on 3DS, `_skip` counts records).
 */
export function encodeThreeDSQuery(query: ThreeDSQuery): string {
  const parts: string[] = [];
  for (const filter of query.filters ?? []) {
    const op = operatorText[filter.op];
    if (!op) throw new TypeError(`filter on ${filter.field}: unknown operator ${JSON.stringify(filter.op)}`);
    parts.push(`${encodeField(filter.field, "a filter")}${op}${encodeValue(filter)}`);
  }
  for (const sort of query.sort ?? []) {
    // A leading "-" means descending, so a field name that itself starts with "-" is escaped.
    const field = encodeField(sort.field, "a sort").replace(/^-/, "%2D");
    parts.push(`_sort=${sort.desc ? "-" : ""}${field}`);
  }
  if (query.limit !== undefined) parts.push(`_limit=${checkCount("limit", query.limit, 1)}`);
  if (query.skip !== undefined) parts.push(`_skip=${checkCount("skip", query.skip, 0)}`);
  return parts.join("&");
}
