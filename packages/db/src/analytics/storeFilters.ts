// The list's Filters (CONTRACT.md §1) as SQL over the analytics store, with Verifone's semantics as the sandbox
// documents them: `eq` / `neq` exact; several `eq` on one field OR'ed, everything else AND'ed; `like` a
// case-insensitive substring; a missing field never matches eq / like / gte / lte and always matches neq; a
// date-only created_at means that whole UTC day.
export type StoreFilter = { field: string; op: "eq" | "neq" | "gte" | "lte" | "like"; value: string | number };

type ColumnType = "text" | "number" | "instant";
export type FilterColumns = Readonly<Record<string, { column: string; type: ColumnType }>>;

/** A filter on a field the store does not hold (or an operator it cannot apply): the API answers BAD_REQUEST. */
export class UnsupportedFilterError extends Error {
  readonly field: string;
  readonly index: number;
  constructor(field: string, index: number, message?: string) {
    super(message ?? `the analytics store does not hold "${field}": it cannot filter on it`);
    this.name = "UnsupportedFilterError";
    this.field = field;
    this.index = index;
  }
}

export const authenticationFilterColumns: FilterColumns = {
  _id: { column: "id", type: "text" },
  created_at: { column: "created_at", type: "instant" },
  amount: { column: "amount", type: "number" },
  currency_code: { column: "currency_code", type: "text" },
  "authentication.card_brand": { column: "card_brand", type: "text" },
  "authentication.threeds_version": { column: "threeds_version", type: "text" },
  "authentication.eci_flag": { column: "eci_flag", type: "text" },
  "authentication.enrolled": { column: "enrolled", type: "text" },
  "authentication.signature_verification": { column: "signature_verification", type: "text" },
  "authentication.pares_status": { column: "pares_status", type: "text" },
  "authentication.challenge_required": { column: "challenge_required", type: "text" },
  "authentication.challenge_cancel": { column: "challenge_cancel", type: "text" },
};

/** The fields of the daily roll-up (migration 007): the stored codes, not the id, amount or instant. */
export const dailyFilterColumns: FilterColumns = Object.fromEntries(
  Object.entries(authenticationFilterColumns).filter(([, spec]) => spec.type === "text" && spec.column !== "id"),
);

export const paymentFilterColumns: FilterColumns = {
  id: { column: "id", type: "text" },
  created_at: { column: "created_at", type: "instant" },
  currency_code: { column: "currency_code", type: "text" },
  transaction_type: { column: "transaction_type", type: "text" },
};

const dayOnly = /^\d{4}-\d{2}-\d{2}$/;
const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i;
const dayMs = 86_400_000;

/** [start, end) of a created_at value: a whole UTC day for a date, one millisecond for an instant. */
function instantRange(value: string | number, field: string, index: number): [Date, Date] {
  const text = String(value).trim();
  const ms = dayOnly.test(text)
    ? Date.parse(`${text}T00:00:00Z`)
    : Date.parse(hasOffset.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms))
    throw new UnsupportedFilterError(field, index, `${field} takes a date, got ${JSON.stringify(text)}`);
  return [new Date(ms), new Date(ms + (dayOnly.test(text) ? dayMs : 1))];
}

/** A SQL condition (AND of the filters) with its parameters numbered from `firstParam`. */
export function filtersToSql(
  filters: readonly StoreFilter[],
  columns: FilterColumns,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const conditions: string[] = [];
  const eqs = new Map<string, { index: number; values: (string | number)[] }>();
  filters.forEach((filter, index) => {
    const spec = columns[filter.field];
    if (!spec) throw new UnsupportedFilterError(filter.field, index);
    if (filter.op === "eq") {
      const entry = eqs.get(filter.field) ?? { index, values: [] };
      entry.values.push(filter.value);
      eqs.set(filter.field, entry);
    }
  });
  for (const [field, { index, values }] of eqs) {
    const spec = columns[field] as FilterColumns[string];
    if (spec.type === "instant") {
      const ors = values.map((v) => {
        const [start, end] = instantRange(v, field, index);
        return `(${spec.column} >= ${p(start)} AND ${spec.column} < ${p(end)})`;
      });
      conditions.push(`(${ors.join(" OR ")})`);
    } else if (spec.type === "number") {
      conditions.push(`${spec.column} = ANY(${p(values.map(String))}::numeric[])`);
    } else {
      conditions.push(`${spec.column} = ANY(${p(values.map(String))}::text[])`);
    }
  }
  filters.forEach((filter, index) => {
    const spec = columns[filter.field] as FilterColumns[string];
    const c = spec.column;
    if (filter.op === "eq") return;
    if (spec.type === "instant") {
      if (filter.op === "like")
        throw new UnsupportedFilterError(filter.field, index, `${filter.field} does not take like`);
      const [start, end] = instantRange(filter.value, filter.field, index);
      if (filter.op === "gte") conditions.push(`${c} >= ${p(start)}`);
      else if (filter.op === "lte") conditions.push(`${c} < ${p(end)}`);
      else conditions.push(`NOT (${c} >= ${p(start)} AND ${c} < ${p(end)})`);
      return;
    }
    const cast = spec.type === "number" ? "::numeric" : "::text";
    const value = String(filter.value);
    if (filter.op === "neq") conditions.push(`(${c} IS NULL OR ${c} <> ${p(value)}${cast})`);
    else if (filter.op === "gte") conditions.push(`${c} >= ${p(value)}${cast}`);
    else if (filter.op === "lte") conditions.push(`${c} <= ${p(value)}${cast}`);
    else conditions.push(`strpos(lower(${c}::text), lower(${p(value)}::text)) > 0`);
  });
  return { sql: conditions.length === 0 ? "TRUE" : conditions.join(" AND "), params };
}
