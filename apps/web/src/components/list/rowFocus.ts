/**
 * The row a list opened last, per table, so focus can go back to it when the person returns from the record (the
 * drawer closes, or the back link of a record page brings the list back). Kept in memory: one tab, one SPA.
 */
const opened = new Map<string, { id: string; pathname: string }>();

export function rememberOpenedRow(table: string, id: string, pathname: string): void {
  opened.set(table, { id, pathname });
}

/** The row to focus now that the list shows at `pathname`, once: it is forgotten when taken. */
export function takeOpenedRow(table: string, pathname: string, present: (id: string) => boolean): string | null {
  const entry = opened.get(table);
  if (!entry || entry.pathname !== pathname || !present(entry.id)) return null;
  opened.delete(table);
  return entry.id;
}

/** Which row a key moves to from `index` among `count` rows (null: the key is not a row move). */
export function rowMove(key: string, index: number, count: number, pageRows = 10): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case "ArrowDown":
      return Math.min(last, index + 1);
    case "ArrowUp":
      return Math.max(0, index - 1);
    case "Home":
      return 0;
    case "End":
      return last;
    case "PageDown":
      return Math.min(last, index + pageRows);
    case "PageUp":
      return Math.max(0, index - pageRows);
    default:
      return null;
  }
}
