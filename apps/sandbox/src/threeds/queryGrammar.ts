import { type QueryPair, splitQuery } from "../http/queryString.ts";
import { type FieldRule, filterFields, type Operator, opSuffixes, opSymbols, sortValues } from "./fields.ts";
import { parseAmount, parseTimeInterval, type TimeInterval } from "./queryValues.ts";

/**
 * Verifone's query grammar for `GET /v2/3d` and `/v2/3d/count`, parsed from the raw query string (this is the
 * sandbox's own implementation, independent of packages/verifone, so the tests can catch a bug in either).
 */
export type Condition =
  | { field: string; kind: "string"; op: Operator; value: string }
  | { field: string; kind: "number"; op: Operator; value: number }
  | { field: string; kind: "date"; op: Operator; value: TimeInterval };

export type SortKey = { field: string; desc: boolean };
export type ListQuery = { conditions: Condition[]; sort: SortKey[]; limit: number; skip: number };
export type QueryProblem = { parameter: string; message: string };

export const defaultLimit = 2000;
export const maxLimit = 10_000;

function valueProblem(rule: FieldRule, op: Operator, value: string): string | null {
  if (value === "") return "needs a value";
  if (op === "like") return null; // a fragment: the field's length / enum / pattern constraints do not apply
  if (rule.exactLength !== undefined && value.length !== rule.exactLength)
    return `must be exactly ${rule.exactLength} characters`;
  if (rule.maxLength !== undefined && value.length > rule.maxLength)
    return `must be at most ${rule.maxLength} characters`;
  if (rule.enum && !rule.enum.includes(value)) return `must be one of ${rule.enum.join(", ")}`;
  if (rule.pattern && !rule.pattern.test(value)) return "must be base64";
  return null;
}

function parseCondition(pair: QueryPair): Condition | QueryProblem {
  const { key, value } = pair;
  const suffix = opSuffixes[key.slice(-1)];
  const field = suffix ? key.slice(0, -1) : key;
  const op: Operator = suffix ?? "eq";
  const problem = (message: string): QueryProblem => ({ parameter: key, message });
  const rule = filterFields[field];
  if (!rule) return problem(`unknown filter field "${field}"`);
  if (!rule.ops.includes(op)) {
    const allowed = rule.ops.map((o) => opSymbols[o]).join(", ");
    return problem(`${field} does not take "${opSymbols[op]}" (it takes ${allowed})`);
  }
  if (!pair.hasValue) return problem(`has no value (expected ${field}${opSymbols[op]}value)`);
  if (rule.kind === "number") {
    const n = parseAmount(value);
    return n === null
      ? problem("must be a number no greater than 9007199254740991")
      : { field, kind: "number", op, value: n };
  }
  if (rule.kind === "date") {
    const interval = parseTimeInterval(value);
    return interval === null
      ? problem("must be a date (YYYY-MM-DD) or an ISO 8601 date-time")
      : { field, kind: "date", op, value: interval };
  }
  const message = valueProblem(rule, op, value);
  return message ? problem(message) : { field, kind: "string", op, value };
}

function parseBoundedInt(value: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function parsePagingPair(pair: QueryPair, query: ListQuery, seen: Set<string>): QueryProblem | null {
  const { key, value } = pair;
  if (key === "_sort") {
    if (!sortValues.has(value)) return { parameter: "_sort", message: `cannot sort on "${value}"` };
    query.sort.push({ field: value.replace(/^-/, ""), desc: value.startsWith("-") });
    return null;
  }
  if (seen.has(key)) return { parameter: key, message: "may be given only once" };
  seen.add(key);
  if (key === "_limit") {
    const n = parseBoundedInt(value, 1, maxLimit);
    if (n === null) return { parameter: key, message: `must be an integer from 1 to ${maxLimit}` };
    query.limit = n;
  } else {
    const n = parseBoundedInt(value, 0, Number.MAX_SAFE_INTEGER);
    if (n === null) return { parameter: key, message: "must be an integer >= 0" };
    query.skip = n;
  }
  return null;
}

const pagingKeys = new Set(["_limit", "_skip", "_sort"]);

function parse(rawQuery: string, paging: boolean): { query: ListQuery; problems: QueryProblem[] } {
  const { pairs, problems } = splitQuery(rawQuery);
  const query: ListQuery = { conditions: [], sort: [], limit: defaultLimit, skip: 0 };
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (pagingKeys.has(pair.key)) {
      const problem = paging
        ? parsePagingPair(pair, query, seen)
        : { parameter: pair.key, message: "is not a parameter of the count endpoint" };
      if (problem) problems.push(problem);
      continue;
    }
    const parsed = parseCondition(pair);
    if ("parameter" in parsed) problems.push(parsed);
    else query.conditions.push(parsed);
  }
  return { query, problems };
}

/** `GET /v2/3d`: filters, `_sort` (repeatable, applied in order), `_limit` 1..10000 (default 2000), `_skip` records. */
export function parseListQuery(rawQuery: string) {
  return parse(rawQuery, true);
}

/** `GET /v2/3d/count`: the same filters; paging and sorting parameters are refused. */
export function parseCountQuery(rawQuery: string) {
  return parse(rawQuery, false);
}
