import type { RouterOutputs } from "@vbo/api";
import { createLoader, createParser, parseAsStringLiteral } from "nuqs";
import { integerParam, integerProblem } from "../../components/list/integerParam.ts";
import { renderSearch } from "../../components/list/UrlStateAdapter.tsx";
import type { UrlProblem, UrlStateSpec } from "../../components/list/useUrlState.ts";

/**
 * The audit view as URL search params, so every view is a shareable link (like the authentications list):
 *
 *   ?actor=admin@demo.test&action=users.disable&target=…&outcome=refused&from=2025-01-01T00:00:00.000Z&to=…&limit=50&skip=0
 *
 * Empty filters and the default page are left out. `from` / `to` are ISO 8601 instants (inclusive).
 */
export type AuditEvent = RouterOutputs["audit"]["list"]["items"][number];
export type AuditOutcome = AuditEvent["outcome"];

export type AuditFilters = {
  actor: string;
  action: string;
  target: string;
  outcome: AuditOutcome | null;
  from: string | null;
  to: string | null;
};
export type AuditState = AuditFilters & { limit: number; skip: number };

export const auditOutcomes = ["success", "failure", "refused"] as const satisfies readonly AuditOutcome[];
export const auditPageSizes = [25, 50, 100, 250, 500, 1000] as const;
/** The API's bounds for audit.list. */
export const maxAuditLimit = 1000;
export const defaultAuditState: AuditState = {
  actor: "",
  action: "",
  target: "",
  outcome: null,
  from: null,
  to: null,
  limit: 50,
  skip: 0,
};

const textParams = ["actor", "action", "target"] as const;
const maxText = 300;
// What the API takes (zod's z.iso.datetime({offset: true})): a date, a time, and Z or an offset.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function isOutcome(value: string): value is AuditOutcome {
  return (auditOutcomes as readonly string[]).includes(value);
}

function isInstant(value: string): boolean {
  return isoDateTime.test(value) && !Number.isNaN(Date.parse(value));
}

/** The filters as search params (no paging): the same string the CSV export takes. */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of textParams) if (filters[name].trim()) params.set(name, filters[name].trim());
  if (filters.outcome) params.set("outcome", filters.outcome);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params;
}

/** The search string (without `?`), as the URL-state adapter writes it. */
export function encodeAuditState(state: AuditState): string {
  const params = auditFilterParams(state);
  if (state.limit !== defaultAuditState.limit) params.set("limit", String(state.limit));
  if (state.skip !== 0) params.set("skip", String(state.skip));
  return renderSearch(params);
}

/** A text filter: trimmed, at most `maxText` characters. */
const textParam = createParser({
  parse: (value) => (value.trim().length > maxText ? null : value.trim()),
  serialize: (value) => value.trim(),
}).withDefault("");
const instantParam = createParser({ parse: (value) => (isInstant(value) ? value : null), serialize: String });

/** The audit view's params on nuqs (the same layer as the lists); empty filters and the default page are left out. */
const auditParsers = {
  actor: textParam,
  action: textParam,
  target: textParam,
  outcome: parseAsStringLiteral(auditOutcomes),
  from: instantParam,
  to: instantParam,
  limit: integerParam("limit", 1, maxAuditLimit).withDefault(defaultAuditState.limit),
  skip: integerParam("skip", 0, Number.MAX_SAFE_INTEGER).withDefault(defaultAuditState.skip),
};
const load = createLoader(auditParsers);

/** A `to` before `from` is dropped, as the API would refuse it. */
function normalize(state: AuditState): AuditState {
  if (state.from && state.to && Date.parse(state.from) > Date.parse(state.to)) return { ...state, to: null };
  return state;
}

/** What cannot be read in the params, in words, in the order of the view. */
function auditProblems(search: string | URLSearchParams): UrlProblem[] {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const problems: UrlProblem[] = [];
  for (const name of textParams) {
    const value = params.get(name)?.trim() ?? "";
    if (value.length > maxText) problems.push({ param: name, value, message: `at most ${maxText} characters` });
  }
  const outcome = params.get("outcome");
  if (outcome && !isOutcome(outcome)) {
    problems.push({ param: "outcome", value: outcome, message: `use one of ${auditOutcomes.join(", ")}` });
  }
  for (const name of ["from", "to"] as const) {
    const value = params.get(name);
    if (value && !isInstant(value)) {
      problems.push({ param: name, value, message: "expected a date and time like 2025-01-31T23:59:59Z" });
    }
  }
  const read = load(params);
  if (read.to && !normalize(read).to) {
    problems.push({ param: "to", value: read.to, message: "to must not be before from" });
  }
  for (const [name, min, max] of [
    ["limit", 1, maxAuditLimit],
    ["skip", 0, Number.MAX_SAFE_INTEGER],
  ] as const) {
    const value = params.get(name);
    const message = value === null ? null : integerProblem(name, value, min, max);
    if (value !== null && message) problems.push({ param: name, value, message });
  }
  return problems;
}

/** Reads the audit view from search params. Never throws: what cannot be read is reported and left out. */
export function decodeAuditState(search: string | URLSearchParams): { state: AuditState; problems: UrlProblem[] } {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  return { state: normalize(load(params)), problems: auditProblems(params) };
}

/** The audit view in the URL, for useUrlState: changing a filter or the page size goes back to the first page. */
export const auditUrlState: UrlStateSpec<typeof auditParsers> = {
  parsers: auditParsers,
  normalize,
  apply: (current, delta) => ({ ...current, ...delta, skip: delta.skip ?? 0 }),
  problems: auditProblems,
};

/**
 * The audit.list input. Typed here because the API's input schema (a z.preprocess) reaches the browser as `unknown`.
 */
export type AuditListInput = {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  limit: number;
  skip: number;
};

export function auditListInput(state: AuditState): AuditListInput {
  const input: AuditListInput = { limit: state.limit, skip: state.skip };
  for (const name of textParams) if (state[name].trim()) input[name] = state[name].trim();
  if (state.outcome) input.outcome = state.outcome;
  if (state.from) input.from = state.from;
  if (state.to) input.to = state.to;
  return input;
}

/** The CSV export of the same filters (all pages): GET /export/audit.csv, with the session cookie. */
export function auditExportHref(filters: AuditFilters): string {
  const query = auditFilterParams(filters).toString();
  return `/export/audit.csv${query ? `?${query}` : ""}`;
}
