import { type FieldSpec, type Filter, type FilterOp, filterOps, type Sort, sortProblems } from "@vbo/verifone/fields";

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

/** A search param that could not be read; it is ignored, and the page says so. */
export type UrlProblem = { param: string; value: string; message: string };

export type ListCodecOptions = {
  /** The fields of the list's endpoint: number fields get a number value, sorts are checked against it. */
  catalog: readonly FieldSpec[];
  defaultSort: Sort[];
  maxSorts: number;
  maxLimit: number;
  /** When true, `skip` must be a whole number of pages (a multiple of `limit`), as Verifone pages transactions. */
  skipInPages?: boolean;
};

export type ListCodec = {
  defaultListState: ListState;
  decodeFilter: (text: string) => Filter | string;
  encodeListState: (state: ListState) => string;
  decodeListState: (search: string | URLSearchParams) => { state: ListState; problems: UrlProblem[] };
};

/** The API's bound on `skip`: up to a billion records. */
const maxSkip = 1_000_000_000;

const decimal = /^-?\d+(\.\d+)?$/;
const nonNegativeInteger = /^\d+$/;
// A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws); it becomes U+FFFD, as in any URL.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function encodeFilter(filter: Filter): string {
  return `${filter.field}~${filter.op}~${filter.value}`;
}

function sortsEqual(a: readonly Sort[], b: readonly Sort[]): boolean {
  return a.length === b.length && a.every((s, i) => s.field === b[i]?.field && !!s.desc === !!b[i]?.desc);
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

  /** Builds the search string (without `?`). Parts are percent-encoded with encodeURIComponent, which keeps `~`. */
  function encodeListState(state: ListState): string {
    const parts: string[] = [];
    const add = (name: string, value: string) =>
      parts.push(`${name}=${encodeURIComponent(value.replace(loneSurrogate, "\uFFFD"))}`);
    for (const filter of state.filters) add("f", encodeFilter(filter));
    if (state.sort.length === 0) add("sort", "");
    else if (!sortsEqual(state.sort, sortByDefault)) {
      for (const s of state.sort) add("sort", `${s.desc ? "-" : ""}${s.field}`);
    }
    add("limit", String(state.limit));
    add("skip", String(state.skip));
    return parts.join("&");
  }

  function decodeSort(values: string[], problems: UrlProblem[]): Sort[] {
    if (values.length === 0) return sortByDefault;
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

  function decodeInteger(params: URLSearchParams, name: "limit" | "skip", max: number, problems: UrlProblem[]) {
    const min = name === "limit" ? 1 : 0;
    const value = params.get(name);
    if (value === null) return defaults[name];
    const n = nonNegativeInteger.test(value) ? Number(value) : Number.NaN;
    if (n >= min && n <= max) return n;
    problems.push({ param: name, value, message: `${name} must be a whole number from ${min} to ${max}` });
    return defaults[name];
  }

  /**
   * Reads the list state from search params. Never throws: what cannot be read is reported in `problems`
   * and replaced by the default. Filters are only checked for syntax here; whether the field takes the
   * operator and the value is checked against the catalog by the page (filterProblems), per filter.
   */
  function decodeListState(search: string | URLSearchParams): { state: ListState; problems: UrlProblem[] } {
    const params = typeof search === "string" ? new URLSearchParams(search) : search;
    const problems: UrlProblem[] = [];
    const filters: Filter[] = [];
    for (const value of params.getAll("f")) {
      const decoded = decodeFilter(value);
      if (typeof decoded === "string") problems.push({ param: "f", value, message: decoded });
      else filters.push(decoded);
    }
    const sort = decodeSort(params.getAll("sort"), problems);
    const limit = decodeInteger(params, "limit", limitMax, problems);
    let skip = decodeInteger(params, "skip", maxSkip, problems);
    if (skipInPages && skip % limit !== 0) {
      const kept = skip - (skip % limit);
      problems.push({
        param: "skip",
        value: String(skip),
        message: `skip must be a multiple of the page size (${limit}): this list is paged by whole pages, so ${kept} is used`,
      });
      skip = kept;
    }
    return { state: { filters, sort, limit, skip }, problems };
  }

  return { defaultListState: defaults, decodeFilter, encodeListState, decodeListState };
}
