/**
 * A filter of Verifone's list grammar (CONTRACT.md §1). Declared here structurally, identical to
 * `@vbo/verifone/fields`' Filter, because domain must not depend on the client package.
 */
export type FilterOp = "eq" | "neq" | "gte" | "lte" | "like";
export type Filter = { field: string; op: FilterOp; value: string | number };
