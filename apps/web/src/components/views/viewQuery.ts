import type { VisibilityState } from "@tanstack/react-table";
import { viewQueryOf } from "@vbo/domain";

/**
 * A saved view is the page's URL search string. Columns live in the browser (localStorage), so a view carries them
 * in one extra param, `cols`: every column the person has toggled, `id` shown or `-id` hidden.
 */
export function encodeColumns(visibility: VisibilityState): string {
  return Object.keys(visibility)
    .sort()
    .map((id) => (visibility[id] === false ? `-${id}` : id))
    .join(",");
}

export function decodeColumns(text: string): VisibilityState {
  const visibility: VisibilityState = {};
  for (const entry of text.split(",")) {
    if (!entry || entry === "-") continue;
    if (entry.startsWith("-")) visibility[entry.slice(1)] = false;
    else visibility[entry] = true;
  }
  return visibility;
}

/** What to save: the page's search string without the paging offset, plus the columns when the page has a chooser. */
export function viewQueryFrom(search: string, columns?: VisibilityState): string {
  const query = viewQueryOf(search);
  if (!columns || Object.keys(columns).length === 0) return query;
  const cols = `cols=${encodeURIComponent(encodeColumns(columns))}`;
  return query ? `${query}&${cols}` : cols;
}

/** What opening a view does: the search string to navigate to, and the columns to show (null: leave them). */
export function openViewQuery(query: string): { search: string; columns: VisibilityState | null } {
  const parts = query.split("&").filter((part) => part !== "");
  const cols = parts.find((part) => part.startsWith("cols="));
  const rest = parts.filter((part) => !part.startsWith("cols="));
  let columns: VisibilityState | null = null;
  if (cols !== undefined) {
    try {
      columns = decodeColumns(decodeURIComponent(cols.slice("cols=".length)));
    } catch {
      columns = null;
    }
  }
  return { search: rest.length ? `?${rest.join("&")}` : "", columns };
}

/** Whether two view queries show the same records (param order and columns aside). */
export function sameViewQuery(a: string, b: string): boolean {
  const norm = (q: string) =>
    q
      .split("&")
      .filter((part) => part !== "" && !part.startsWith("cols="))
      .sort()
      .join("&");
  return norm(a) === norm(b);
}
