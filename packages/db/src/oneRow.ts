/** The first row of a result that must have one (an INSERT … RETURNING, an aggregate). */
export function oneRow<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error("expected one row, got none");
  return row;
}
