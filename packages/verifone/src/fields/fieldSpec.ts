/** The operators of Verifone's query grammar: `=`, `!=`, `>=`, `<=`, `~=`. */
export const filterOps = ["eq", "neq", "gte", "lte", "like"] as const;
export type FilterOp = (typeof filterOps)[number];

export type Filter = { field: string; op: FilterOp; value: string | number };
export type Sort = { field: string; desc?: boolean };

/** One queryable field of a Verifone list endpoint, as its OpenAPI parameters document it. */
export type FieldSpec = {
  field: string;
  type: "string" | "number" | "date";
  /** Operators the spec documents for this field; empty when the field can only be sorted on. */
  ops: readonly FilterOp[];
  sortable: boolean;
  /** The spec allows only `_sort=field`, not `_sort=-field`. */
  ascendingOnly?: boolean;
  description: string;
  enum?: readonly string[];
  /** Longest value the spec allows. */
  maxLength?: number;
  /**
   * Where a bound is sent as its own parameter instead of an operator: on GET /api/v2/transactions, `created_at` ≥ x is
   * `created_start=x` and `created_at` ≤ x is `created_end=x`.
   */
  rangeParams?: { readonly gte?: string; readonly lte?: string };
};

export const opSymbols: Record<FilterOp, string> = { eq: "=", neq: "!=", gte: ">=", lte: "<=", like: "~=" };
