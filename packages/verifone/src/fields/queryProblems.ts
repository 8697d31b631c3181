import type { FieldSpec, Filter, Sort } from "./fieldSpec.ts";
import { filterOps, opSymbols } from "./fieldSpec.ts";

/** A problem with one filter or sort entry; `path` points at it (e.g. ["filters", 2, "value"]). */
export type QueryProblem = { path: (string | number)[]; message: string };

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const decimal = /^-?\d+(\.\d+)?$/;
export const maxFilterValueLength = 256;

function valueProblem(spec: FieldSpec, filter: Filter): string | null {
  const { value } = filter;
  if (spec.type === "number") {
    const ok = typeof value === "number" ? Number.isFinite(value) : decimal.test(value);
    return ok ? null : `${spec.field} takes a number, got ${JSON.stringify(value)}`;
  }
  if (typeof value !== "string") return `${spec.field} takes text, got the number ${value}`;
  if (value.length === 0) return `${spec.field} needs a value`;
  const longest = Math.min(spec.maxLength ?? maxFilterValueLength, maxFilterValueLength);
  if (value.length > longest) return `${spec.field} value is longer than ${longest} characters`;
  if (spec.type === "date" && (!isoDate.test(value) || Number.isNaN(Date.parse(value)))) {
    return `${spec.field} takes a date (YYYY-MM-DD or ISO 8601 date-time), got ${JSON.stringify(value)}`;
  }
  if (spec.enum && filter.op !== "like" && !spec.enum.includes(value)) {
    return `${spec.field} must be one of ${spec.enum.join(", ")}, got ${JSON.stringify(value)}`;
  }
  return null;
}

/** Checks filters against a field catalog: unknown field, operator the field does not take, value of the wrong type. */
export function filterProblems(catalog: readonly FieldSpec[], filters: readonly Filter[]): QueryProblem[] {
  const byName = new Map(catalog.map((f) => [f.field, f]));
  const problems: QueryProblem[] = [];
  const boundsSeen = new Set<string>();
  filters.forEach((filter, i) => {
    const spec = byName.get(filter.field);
    if (!spec || spec.ops.length === 0) {
      problems.push({ path: ["filters", i, "field"], message: `unknown filter field "${filter.field}"` });
      return;
    }
    if (!filterOps.includes(filter.op) || !spec.ops.includes(filter.op)) {
      const allowed = spec.ops.map((o) => `${o} (${opSymbols[o]})`).join(", ");
      problems.push({
        path: ["filters", i, "op"],
        message: `${spec.field} does not take the operator "${filter.op}"; it takes ${allowed}`,
      });
      return;
    }
    const message = valueProblem(spec, filter);
    if (message) {
      problems.push({ path: ["filters", i, "value"], message });
      return;
    }
    // A bound sent as its own parameter (created_start / created_end) can be given only once.
    const rangeParam = filter.op === "gte" || filter.op === "lte" ? spec.rangeParams?.[filter.op] : undefined;
    if (rangeParam) {
      if (boundsSeen.has(rangeParam)) {
        problems.push({
          path: ["filters", i, "op"],
          message: `${spec.field} takes one ${filter.op} (${opSymbols[filter.op]}) bound only`,
        });
      }
      boundsSeen.add(rangeParam);
    }
  });
  return problems;
}

export function sortProblems(catalog: readonly FieldSpec[], sort: readonly Sort[]): QueryProblem[] {
  const byName = new Map(catalog.filter((f) => f.sortable).map((f) => [f.field, f]));
  return sort.flatMap((s, i) => {
    const spec = byName.get(s.field);
    if (!spec) return [{ path: ["sort", i, "field"], message: `cannot sort on "${s.field}"` }];
    if (s.desc && spec.ascendingOnly)
      return [{ path: ["sort", i, "desc"], message: `${s.field} can only be sorted ascending` }];
    return [];
  });
}
