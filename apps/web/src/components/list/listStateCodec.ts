import { type FieldSpec, type Filter, type FilterOp, filterOps, type Sort, sortProblems } from "@vbo/verifone/fields";
import { createLoader, createMultiParser } from "nuqs";
import { integerParam, integerProblem } from "./integerParam.ts";
import { renderSearch } from "./UrlStateAdapter.tsx";
import type { UrlProblem, UrlStateSpec } from "./useUrlState.ts";

export type { UrlProblem } from "./useUrlState.ts";

/**
 * The list view (filters, sort, page) as URL search params, so every view is a shareable link:
 *
 *   ?f=authentication.pares_status~eq~Y&f=amount~gte~1000&sort=-created_at&sort=amount&limit=50&skip=0
 *
 * - `f` (repeatable) is `field~op~value`. Field names and operators never contain `~`, so everything after the
 *   second `~` is the value, verbatim (it may itself contain `~`, `&`, `=`, spaces, anything: it is
 *   percent-encoded, but `~` and `.` are left readable).
 * - `sort` (repeatable) is `field` (ascending) or `-field` (descending), in priority order; a single empty
 *   `sort=` means "no sort"; no `sort` at all means the default (newest first).
 * - `limit` is the page size (records), `skip` the number of records skipped (Verifone's `_skip` on /v2/3d).
 *
 * Each list has its own codec (`listStateCodec`: its field catalog, sort and page bounds).
 */
export type ListState = { filters: Filter[]; sort: Sort[]; limit: number; skip: number };

export type ListCodecOptions = {
  /** The fields of the list's endpoint: number fields get a number value, sorts are checked against it. */
  catalog: readonly FieldSpec[];
  defaultSort: Sort[];
  maxSorts: number;
  maxLimit: number;
  /** When true, `skip` must be a whole number of pages (a multiple of `limit`), as Verifone pages transactions. */
  skipInPages?: boolean;
};

/** The list's params as nuqs parsers (`filters` is the repeated `f`). */
type ListParsers = ReturnType<typeof listParsers>;

export type ListCodec = {
  defaultListState: ListState;
  decodeFilter: (text: string) => Filter | string;
  encodeListState: (state: ListState) => string;
  decodeListState: (search: string | URLSearchParams) => { state: ListState; problems: UrlProblem[] };
  /** The list in the URL on nuqs: what useListState reads and writes. */
  urlState: UrlStateSpec<ListParsers>;
};

/** The API's bound on `skip`: up to a billion records. */
const maxSkip = 1_000_000_000;

const decimal = /^-?\d+(\.\d+)?$/;

export function encodeFilter(filter: Filter): string {
  return `${filter.field}~${filter.op}~${filter.value}`;
}

const encodeSort = (s: Sort) => `${s.desc ? "-" : ""}${s.field}`;

function sortsEqual(a: readonly Sort[], b: readonly Sort[]): boolean {
  return a.length === b.length && a.every((s, i) => s.field === b[i]?.field && !!s.desc === !!b[i]?.desc);
}

function filtersEqual(a: readonly Filter[], b: readonly Filter[]): boolean {
  return a.length === b.length && a.every((f, i) => b[i] !== undefined && encodeFilter(f) === encodeFilter(b[i]));
}

/** `f` (repeated): the filters that read; the others are left out (and listed by the codec's problems). */
function filtersParser(decodeFilter: (text: string) => Filter | string) {
  return createMultiParser<Filter[]>({
    parse: (values) => values.map(decodeFilter).filter((f): f is Filter => typeof f !== "string"),
    serialize: (filters) => filters.map(encodeFilter),
    eq: filtersEqual,
  }).withDefault([]);
}

/** `sort` (repeated): `field` or `-field`; a single empty `sort=` is "no sort"; none at all is the default. */
function sortParser(decodeSort: (values: readonly string[]) => Sort[], byDefault: Sort[]) {
  return createMultiParser<Sort[]>({
    parse: (values) => decodeSort(values),
    serialize: (sort) => (sort.length === 0 ? [""] : sort.map(encodeSort)),
    eq: sortsEqual,
  }).withDefault(byDefault);
}

/** The list's params on nuqs. `limit` and `skip` are always in the link, so a link says which page of which size. */
function listParsers(
  decodeFilter: (text: string) => Filter | string,
  decodeSort: (values: readonly string[]) => Sort[],
  defaults: ListState,
  bounds: Record<"limit" | "skip", readonly [number, number]>,
) {
  return {
    filters: filtersParser(decodeFilter),
    sort: sortParser(decodeSort, defaults.sort),
    limit: integerParam("limit", ...bounds.limit)
      .withDefault(defaults.limit)
      .withOptions({ clearOnDefault: false }),
    skip: integerParam("skip", ...bounds.skip)
      .withDefault(defaults.skip)
      .withOptions({ clearOnDefault: false }),
  };
}

/** The URL codec of one list. */
export function listStateCodec(options: ListCodecOptions): ListCodec {
  const { catalog, defaultSort: sortByDefault, maxSorts: sortLimit, maxLimit: limitMax, skipInPages } = options;
  const specs = new Map<string, FieldSpec>(catalog.map((f) => [f.field, f]));
  const defaults: ListState = { filters: [], sort: sortByDefault, limit: 50, skip: 0 };

  /** Reads one `f` value. Number fields get a number when the text is one (so the API sees the right type). */
  function decodeFilter(text: string): Filter | string {
    const first = text.indexOf("~");
    const second = first < 0 ? -1 : text.indexOf("~", first + 1);
    if (second < 0) return "expected field~operator~value";
    const field = text.slice(0, first);
    const op = text.slice(first + 1, second);
    const raw = text.slice(second + 1);
    if (!field) return "the field name is missing";
    if (!(filterOps as readonly string[]).includes(op)) {
      return `unknown operator "${op}" (use one of ${filterOps.join(", ")})`;
    }
    const value = specs.get(field)?.type === "number" && decimal.test(raw) ? Number(raw) : raw;
    return { field, op: op as FilterOp, value };
  }

  /** Reads the `sort` values (at least one); what cannot be used goes to `problems`. */
  function decodeSort(values: readonly string[], problems: UrlProblem[] = []): Sort[] {
    const sort: Sort[] = [];
    for (const value of values) {
      if (value === "") continue;
      const desc = value.startsWith("-");
      const entry: Sort = desc ? { field: value.slice(1), desc: true } : { field: value };
      const [problem] = sortProblems(catalog, [entry]);
      if (problem) problems.push({ param: "sort", value, message: problem.message });
      else if (sort.length >= sortLimit) {
        problems.push({ param: "sort", value, message: `at most ${sortLimit} sort key${sortLimit === 1 ? "" : "s"}` });
      } else if (sort.some((s) => s.field === entry.field)) {
        problems.push({ param: "sort", value, message: `"${entry.field}" is already sorted on` });
      } else sort.push(entry);
    }
    return sort;
  }

  const bounds = { limit: [1, limitMax], skip: [0, maxSkip] } as const;
  const parsers = listParsers(decodeFilter, decodeSort, defaults, bounds);
  const urlKeys = { filters: "f" } as const;
  const load = createLoader(parsers, { urlKeys });

  /** A `skip` between pages goes back to the page's start, where the list is paged by whole pages. */
  function normalize(state: ListState): ListState {
    if (!skipInPages || state.skip % state.limit === 0) return state;
    return { ...state, skip: state.skip - (state.skip % state.limit) };
  }

  /** A new filter, sort or page size starts at the first page; only explicit paging keeps `skip`. */
  function apply(current: ListState, delta: Partial<ListState>): ListState {
    const next = { ...current, ...delta };
    if (delta.skip === undefined && (delta.filters || delta.sort || delta.limit)) {
      next.skip = delta.limit ? Math.floor(current.skip / delta.limit) * delta.limit : 0;
    }
    return next;
  }

  /**
   * What cannot be read in the params, in words, in the order of the link. Filters are only checked for syntax here;
   * whether the field takes the operator and the value is checked against the catalog by the page, per filter.
   */
  function problemsOf(search: string | URLSearchParams): UrlProblem[] {
    const params = typeof search === "string" ? new URLSearchParams(search) : search;
    const problems: UrlProblem[] = [];
    for (const value of params.getAll("f")) {
      const decoded = decodeFilter(value);
      if (typeof decoded === "string") problems.push({ param: "f", value, message: decoded });
    }
    decodeSort(params.getAll("sort"), problems);
    for (const name of ["limit", "skip"] as const) {
      const value = params.get(name);
      const [min, max] = bounds[name];
      const message = value === null ? null : integerProblem(name, value, min, max);
      if (value !== null && message) problems.push({ param: name, value, message });
    }
    const { limit, skip } = load(params);
    if (skipInPages && skip % limit !== 0) {
      const kept = skip - (skip % limit);
      problems.push({
        param: "skip",
        value: String(skip),
        message: `skip must be a multiple of the page size (${limit}): this list is paged by whole pages, so ${kept} is used`,
      });
    }
    return problems;
  }

  /** Builds the search string (without `?`), as the URL-state adapter writes it: `~` stays readable. */
  function encodeListState(state: ListState): string {
    const params = new URLSearchParams();
    for (const filter of state.filters) params.append("f", encodeFilter(filter));
    if (state.sort.length === 0) params.append("sort", "");
    else if (!sortsEqual(state.sort, sortByDefault)) for (const s of state.sort) params.append("sort", encodeSort(s));
    params.set("limit", String(state.limit));
    params.set("skip", String(state.skip));
    return renderSearch(params);
  }

  /**
   * Reads the list state from search params, with nuqs's loader over the same parsers as the page. Never throws: what
   * cannot be read is reported in `problems` and replaced by the default.
   */
  function decodeListState(search: string | URLSearchParams): { state: ListState; problems: UrlProblem[] } {
    const params = typeof search === "string" ? new URLSearchParams(search) : search;
    return { state: normalize(load(params)), problems: problemsOf(params) };
  }

  return {
    defaultListState: defaults,
    decodeFilter,
    encodeListState,
    decodeListState,
    urlState: { parsers, urlKeys, normalize, apply, problems: problemsOf },
  };
}
