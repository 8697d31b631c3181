import type { Columns } from "./columns.ts";
import type { Condition } from "./queryGrammar.ts";
import type { TimeInterval } from "./queryValues.ts";

/**
 * Turns parsed conditions into one predicate over row numbers. Several `=` on a field are OR-ed; everything else is
 * AND-ed. A missing field never equals, matches `~`, or passes a bound; it does pass `!=` (as MongoDB's `$ne` does).
 * `~` is a case-insensitive substring match (the value is literal text, not a regular expression).
 */
export type RowTest = (row: number) => boolean;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function equalsAny(column: readonly unknown[], conditions: readonly Condition[]): RowTest {
  if (conditions[0]?.kind === "date") {
    const intervals = conditions.map((c) => c.value as TimeInterval);
    return (row) => {
      const ms = column[row] as number;
      return intervals.some((i) => ms >= i.start && ms <= i.end);
    };
  }
  const values = new Set(conditions.map((c) => c.value));
  return (row) => {
    const v = column[row];
    return v !== undefined && values.has(v as string | number);
  };
}

function single(column: readonly unknown[], condition: Condition): RowTest {
  if (condition.kind === "date") {
    const { start, end } = condition.value;
    if (condition.op === "neq") return (row) => !((column[row] as number) >= start && (column[row] as number) <= end);
    if (condition.op === "gte") return (row) => (column[row] as number) >= start;
    return (row) => (column[row] as number) <= end;
  }
  const value = condition.value;
  switch (condition.op) {
    case "neq":
      return (row) => column[row] !== value;
    case "gte":
      return (row) => column[row] !== undefined && (column[row] as number) >= (value as number);
    case "lte":
      return (row) => column[row] !== undefined && (column[row] as number) <= (value as number);
    default: {
      const pattern = new RegExp(escapeRegExp(String(value)), "i");
      return (row) => {
        const v = column[row];
        return typeof v === "string" && pattern.test(v);
      };
    }
  }
}

export function compileFilter(conditions: readonly Condition[], columns: Columns): RowTest | null {
  if (conditions.length === 0) return null;
  const equalities = new Map<string, Condition[]>();
  const tests: RowTest[] = [];
  for (const c of conditions) {
    if (c.op === "eq") equalities.set(c.field, [...(equalities.get(c.field) ?? []), c]);
    else tests.push(single(columns.get(c.field), c));
  }
  // Equalities first: they are the most selective and the cheapest.
  for (const [field, group] of equalities) tests.unshift(equalsAny(columns.get(field), group));
  if (tests.length === 1) return tests[0] as RowTest;
  return (row) => {
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as RowTest)(row)) return false;
    return true;
  };
}
