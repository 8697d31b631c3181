import type { ThreeDSAuthentication } from "./types.ts";

/**
 * Column-wise copies of the queried fields, row-aligned with the store's records. A query scans one compact array per
 * field instead of chasing pointers through 100,000 scattered objects, which is what makes filtering fast.
 * Columns are built on first use and kept in step with inserts and updates.
 */
export type FieldValue = string | number | undefined;

type Reader = (record: ThreeDSAuthentication) => FieldValue;

/** A field as queries see it: `created_at` as epoch ms, `authentication.x` from the nested block. */
export function readerFor(field: string): Reader {
  if (field === "created_at") return (record) => Date.parse(record.created_at);
  if (field.startsWith("authentication.")) {
    const name = field.slice("authentication.".length) as keyof ThreeDSAuthentication["authentication"];
    return (record) => record.authentication[name];
  }
  const name = field as keyof ThreeDSAuthentication;
  return (record) => {
    const value = record[name];
    return typeof value === "string" || typeof value === "number" ? value : undefined;
  };
}

export class Columns {
  readonly #built = new Map<string, FieldValue[]>();
  readonly #rows: readonly ThreeDSAuthentication[];

  constructor(rows: readonly ThreeDSAuthentication[]) {
    this.#rows = rows;
  }

  get(field: string): readonly FieldValue[] {
    let column = this.#built.get(field);
    if (!column) {
      column = this.#rows.map(readerFor(field));
      this.#built.set(field, column);
    }
    return column;
  }

  /** Call after the record was inserted at `row` of the rows array. */
  inserted(row: number, record: ThreeDSAuthentication): void {
    for (const [field, column] of this.#built) column.splice(row, 0, readerFor(field)(record));
  }

  /** Call after the record at `row` was replaced. */
  replaced(row: number, record: ThreeDSAuthentication): void {
    for (const [field, column] of this.#built) column[row] = readerFor(field)(record);
  }
}
