import type { Queryable } from "./driver.ts";
import { ConflictError, isUniqueViolation } from "./errors.ts";
import { oneRow } from "./oneRow.ts";
import { isUuid } from "./uuid.ts";

export interface SavedView {
  id: string;
  ownerId: string;
  /** Which dashboard page the view belongs to, e.g. "authentications". */
  page: string;
  name: string;
  /** The page's filters and sort as the URL carries them. */
  query: unknown;
  createdAt: Date;
}

export async function create(
  db: Queryable,
  view: { ownerId: string; page: string; name: string; query: unknown },
): Promise<SavedView> {
  try {
    const { rows } = await db.query<ViewRow>(
      `INSERT INTO saved_view (owner_id, page, name, query) VALUES ($1, $2, $3, $4::text::jsonb)
       RETURNING ${viewColumns}`,
      [view.ownerId, view.page, view.name, JSON.stringify(view.query ?? null)],
    );
    return toSavedView(oneRow(rows));
  } catch (error) {
    if (isUniqueViolation(error, "saved_view_owner_page_name_key")) {
      throw new ConflictError("name", `you already have a view named "${view.name}" on this page`);
    }
    throw error;
  }
}

/** The owner's views of one page, by name. */
export async function list(db: Queryable, ownerId: string, page: string): Promise<SavedView[]> {
  const { rows } = await db.query<ViewRow>(
    `SELECT ${viewColumns} FROM saved_view WHERE owner_id = $1 AND page = $2 ORDER BY name, created_at`,
    [ownerId, page],
  );
  return rows.map(toSavedView);
}

/** Deletes a view only if `ownerId` owns it; false otherwise. */
export async function remove(db: Queryable, id: string, ownerId: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { rows } = await db.query("DELETE FROM saved_view WHERE id = $1 AND owner_id = $2 RETURNING id", [id, ownerId]);
  return rows.length > 0;
}

const viewColumns = "id, owner_id, page, name, query, created_at";

interface ViewRow {
  id: string;
  owner_id: string;
  page: string;
  name: string;
  query: unknown;
  created_at: Date;
}

function toSavedView(row: ViewRow): SavedView {
  return {
    id: row.id,
    ownerId: row.owner_id,
    page: row.page,
    name: row.name,
    query: row.query,
    createdAt: row.created_at,
  };
}
