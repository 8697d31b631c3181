import type { Problem } from "../ecommerce/problems.ts";
import { type QueryPair, splitQuery } from "../http/queryString.ts";
import { parseAmount, parseTimeInterval, type TimeInterval } from "../threeds/queryValues.ts";
import { countFilters, type FilterField, listFilters, sortValues } from "./fields.ts";

/**
 * The query of `GET /api/v2/transactions` and `/count`, parsed from the raw query string. Several values for one
 * filter are OR-ed (as on GET /v2/3d); different filters are AND-ed. Problems are keyed `query.<parameter>`.
 */
export type Condition =
  | { kind: "string"; field: FilterField; values: Set<string> }
  | { kind: "number"; field: FilterField; values: number[] }
  | { kind: "amount"; values: number[] }
  | { kind: "date"; field: FilterField; values: TimeInterval[] }
  | { kind: "range"; start: number; end: number };

export type TransactionQuery = { conditions: Condition[]; limit: number; skipPages: number; ascending: boolean };

export const defaultLimit = 50;
export const maxLimit = 10_000;
const operatorSuffix = /[!~<>]$/;

type Grouped = Map<string, { field: FilterField; raw: string[] }>;

function valueProblem(field: FilterField, value: string): string | null {
  if (value === "") return "needs a value";
  if (field.values && !field.values.includes(value)) return `must be one of ${field.values.join(", ")}`;
  if (field.maxLength !== undefined && value.length > field.maxLength)
    return `must be at most ${field.maxLength} characters`;
  if ((field.kind === "number" || field.kind === "amount") && parseAmount(value) === null) return "must be a number";
  if (field.kind === "date" && parseTimeInterval(value) === null)
    return "must be a date (YYYY-MM-DD) or an ISO 8601 date-time";
  return null;
}

function conditionOf(name: string, field: FilterField, raw: string[]): Condition {
  if (field.kind === "string") return { kind: "string", field, values: new Set(raw) };
  if (field.kind === "amount") return { kind: "amount", values: raw.map((v) => parseAmount(v) as number) };
  if (field.kind === "number") return { kind: "number", field, values: raw.map((v) => parseAmount(v) as number) };
  if (field.kind === "date")
    return { kind: "date", field, values: raw.map((v) => parseTimeInterval(v) as TimeInterval) };
  throw new Error(`unhandled filter kind for ${name}`);
}

/** One calendar month after `ms` (Verifone: "A maximum range of 1 month of transactions can be queried at a time"). */
function oneMonthAfter(ms: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.getTime();
}

const weekMs = 7 * 86_400_000;

/**
 * `created_start` / `created_end`, with the spec's defaults: "If this is not specified it will default to the current
 * date/time - 7 days" (start) and "… to the current date/time" (end). The one-month limit applies to the range with
 * its defaults, so `created_start` alone may be at most a month back.
 */
function parseRange(values: Map<string, string>, problems: Problem[], nowMs: number): Condition | null {
  const startText = values.get("created_start");
  const endText = values.get("created_end");
  const start = startText === undefined ? null : parseTimeInterval(startText);
  const end = endText === undefined ? null : parseTimeInterval(endText);
  const bad = (name: string) =>
    problems.push({ at: `query.${name}`, message: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time" });
  if (startText !== undefined && !start) bad("created_start");
  if (endText !== undefined && !end) bad("created_end");
  if ((startText !== undefined && !start) || (endText !== undefined && !end)) return null;
  const from = start?.start ?? nowMs - weekMs;
  const to = end?.end ?? nowMs;
  if (from > to) {
    if (!end)
      problems.push({ at: "query.created_start", message: "must not be after now (created_end defaults to now)" });
    else if (!start)
      problems.push({
        at: "query.created_end",
        message: "must not be before now - 7 days (created_start defaults to now - 7 days)",
      });
    else problems.push({ at: "query.created_end", message: "must not be before created_start" });
  } else if (to > oneMonthAfter(from)) {
    if (!end)
      problems.push({
        at: "query.created_start",
        message: "may be at most one month before now (created_end defaults to now)",
      });
    else problems.push({ at: "query.created_end", message: "may be at most one month after created_start" });
  }
  return { kind: "range", start: from, end: to };
}

function parsePaging(pair: QueryPair, query: TransactionQuery): string | null {
  const { key, value } = pair;
  if (key === "_sort") {
    if (!(sortValues as readonly string[]).includes(value)) return `must be one of ${sortValues.join(", ")}`;
    query.ascending = value === "created_at";
    return null;
  }
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (key === "_limit") {
    if (!(n >= 1 && n <= maxLimit)) return `must be an integer from 1 to ${maxLimit}`;
    query.limit = n;
  } else {
    if (!(n >= 0)) return "must be an integer >= 0 (a number of pages)";
    query.skipPages = n;
  }
  return null;
}

function parse(rawQuery: string, list: boolean, nowMs: number): { query: TransactionQuery; problems: Problem[] } {
  const split = splitQuery(rawQuery);
  const problems: Problem[] = split.problems.map((p) => ({ at: `query.${p.parameter}`, message: p.message }));
  const query: TransactionQuery = { conditions: [], limit: defaultLimit, skipPages: 0, ascending: false };
  const filters = list ? listFilters : countFilters;
  const grouped: Grouped = new Map();
  const singles = new Map<string, string>();
  for (const pair of split.pairs) {
    const { key, value } = pair;
    const bad = (message: string) => problems.push({ at: `query.${key}`, message });
    const once = list && ["_sort", "_skip", "_limit", "created_start", "created_end"].includes(key);
    if (once) {
      if (singles.has(key)) bad("may be given only once");
      else if (!pair.hasValue || value === "") bad("needs a value");
      else {
        singles.set(key, value);
        if (key.startsWith("_")) {
          const problem = parsePaging(pair, query);
          if (problem) bad(problem);
        }
      }
      continue;
    }
    const field = filters[key];
    if (!field) {
      if (operatorSuffix.test(key) && filters[key.slice(0, -1)])
        bad(`${key.slice(0, -1)} takes only "=" on this endpoint (no !=, ~=, >=, <=)`);
      else bad(list ? `unknown parameter "${key}"` : `"${key}" is not a parameter of the count endpoint`);
      continue;
    }
    const problem = pair.hasValue ? valueProblem(field, value) : "has no value";
    if (problem) {
      bad(problem);
      continue;
    }
    const group = grouped.get(key);
    if (group) group.raw.push(value);
    else grouped.set(key, { field, raw: [value] });
  }
  for (const [name, { field, raw }] of grouped) query.conditions.push(conditionOf(name, field, raw));
  const range = list ? parseRange(singles, problems, nowMs) : null;
  if (range) query.conditions.push(range);
  return { query, problems };
}

/**
 * `GET /api/v2/transactions`: filters, `created_start` / `created_end` (default: the 7 days before `nowMs`), `_sort`,
 * `_limit` (default 50), `_skip` (pages).
 */
export function parseTransactionListQuery(rawQuery: string, nowMs: number) {
  return parse(rawQuery, true, nowMs);
}

/** `GET /api/v2/transactions/count`: only the filters its parameters document (no paging, sort or date range). */
export function parseTransactionCountQuery(rawQuery: string) {
  return parse(rawQuery, false, 0);
}
