/**
 * A third, deliberately naive reading of Verifone's filter grammar, used only by the tests to check the API and
 * sandbox against: eq on one field = OR, everything else = AND; like = case-insensitive substring; a date-only
 * upper bound includes that whole day (the sandbox README documents the same readings).
 */
type Filter = { field: string; op: "eq" | "neq" | "gte" | "lte" | "like"; value: string | number };
type Sort = { field: string; desc?: boolean };
type Rec = Record<string, unknown>;

export function valueAt(record: Rec, field: string): unknown {
  let current: unknown = record;
  for (const part of field.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Rec)[part];
  }
  return current;
}

const isDateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

function compare(field: string, actual: unknown, expected: string | number): number | null {
  if (actual === undefined || actual === null) return null;
  if (field === "amount") return Number(actual) - Number(expected);
  if (field === "created_at") return Date.parse(String(actual)) - Date.parse(String(expected));
  return String(actual) < String(expected) ? -1 : String(actual) > String(expected) ? 1 : 0;
}

function matches(record: Rec, f: Filter): boolean {
  const actual = valueAt(record, f.field);
  if (f.op === "like") return actual != null && String(actual).toLowerCase().includes(String(f.value).toLowerCase());
  if (
    f.field === "created_at" &&
    typeof f.value === "string" &&
    isDateOnly(f.value) &&
    (f.op === "lte" || f.op === "eq" || f.op === "neq")
  ) {
    const day = String(actual ?? "").slice(0, 10);
    if (f.op === "lte") return actual != null && day <= f.value;
    if (f.op === "eq") return day === f.value;
    return day !== f.value;
  }
  const c = compare(f.field, actual, f.value);
  switch (f.op) {
    case "eq":
      return c === 0;
    case "neq":
      return c !== 0;
    case "gte":
      return c !== null && c >= 0;
    case "lte":
      return c !== null && c <= 0;
  }
}

export function evaluate(records: Rec[], filters: Filter[]): Rec[] {
  const eqByField = new Map<string, Filter[]>();
  const others: Filter[] = [];
  for (const f of filters) {
    if (f.op === "eq") eqByField.set(f.field, [...(eqByField.get(f.field) ?? []), f]);
    else others.push(f);
  }
  return records.filter(
    (r) =>
      [...eqByField.values()].every((group) => group.some((f) => matches(r, f))) && others.every((f) => matches(r, f)),
  );
}

/** Is `rows` ordered by `sort`? (Ties may come in any order.) */
export function isSorted(rows: Rec[], sort: Sort[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    for (const s of sort) {
      const a = valueAt(rows[i - 1] as Rec, s.field);
      const b = valueAt(rows[i] as Rec, s.field);
      const c = cmpForSort(s.field, a, b);
      if (c === 0) continue;
      if ((s.desc ? -c : c) > 0) return false;
      break;
    }
  }
  return true;
}

function cmpForSort(field: string, a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  if (field === "amount") return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
