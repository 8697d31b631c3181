import type { Queryable } from "./driver.ts";
import { inTransaction } from "./driver.ts";
import { ConflictError, isUniqueViolation } from "./errors.ts";
import { oneRow } from "./oneRow.ts";
import { isUuid } from "./uuid.ts";

export interface SavedView {
  id: string;
  ownerId: string;
  ownerName: string;
  /** Which dashboard page the view belongs to, e.g. "authentications". */
  page: string;
  name: string;
  /** The page's URL search string (filters, sort, columns, page size), relative periods kept relative. */
  query: string;
  shared: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A view as one staff member sees it: whether it is their default for its page. */
export type VisibleView = SavedView & { isDefault: boolean };

export async function create(
  db: Queryable,
  view: { ownerId: string; page: string; name: string; query: string; shared?: boolean },
): Promise<SavedView> {
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO saved_view (owner_id, page, name, query, shared) VALUES ($1, $2, $3, $4::text::jsonb, $5)
       RETURNING id`,
      [view.ownerId, view.page, view.name, JSON.stringify(view.query), view.shared ?? false],
    );
    return (await get(db, oneRow(rows).id)) as SavedView;
  } catch (error) {
    throw conflictOr(error, view.name);
  }
}

export async function get(db: Queryable, id: string): Promise<SavedView | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<ViewRow>(`${selectViews} WHERE v.id = $1`, [id]);
  return rows[0] ? toSavedView(rows[0]) : null;
}

/** The views of one page that `userId` may open — their own and everyone's shared ones — by name, then owner. */
export async function listVisible(db: Queryable, userId: string, page: string): Promise<VisibleView[]> {
  const { rows } = await db.query<ViewRow & { is_default: boolean }>(
    `SELECT v.id, v.owner_id, u.name AS owner_name, v.page, v.name, v.query, v.shared, v.created_at, v.updated_at,
            (d.view_id IS NOT NULL) AS is_default
       FROM saved_view v
       JOIN staff_user u ON u.id = v.owner_id
       LEFT JOIN saved_view_default d ON d.view_id = v.id AND d.user_id = $1 AND d.page = v.page
      WHERE v.page = $2 AND (v.owner_id = $1 OR v.shared)
      ORDER BY v.name, u.name, v.created_at`,
    [userId, page],
  );
  return rows.map((row) => ({ ...toSavedView(row), isDefault: row.is_default }));
}

/** The owner's own views of one page, by name. */
export async function list(db: Queryable, ownerId: string, page: string): Promise<SavedView[]> {
  const { rows } = await db.query<ViewRow>(
    `${selectViews} WHERE v.owner_id = $1 AND v.page = $2 ORDER BY v.name, v.created_at`,
    [ownerId, page],
  );
  return rows.map(toSavedView);
}

/**
 * Changes the owner's view; null when `ownerId` does not own it. Un-sharing a view also takes it away as the default
 * of the colleagues who had picked it.
 */
export async function update(
  db: Queryable,
  id: string,
  ownerId: string,
  changes: { name?: string; query?: string; shared?: boolean },
): Promise<SavedView | null> {
  if (!isUuid(id)) return null;
  try {
    return await inTransaction(db, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `UPDATE saved_view SET name = coalesce($3, name), query = coalesce($4::text::jsonb, query),
                shared = coalesce($5, shared), updated_at = now()
          WHERE id = $1 AND owner_id = $2 RETURNING id`,
        [
          id,
          ownerId,
          changes.name ?? null,
          changes.query === undefined ? null : JSON.stringify(changes.query),
          changes.shared ?? null,
        ],
      );
      if (rows.length === 0) return null;
      if (changes.shared === false) {
        await tx.query("DELETE FROM saved_view_default WHERE view_id = $1 AND user_id <> $2", [id, ownerId]);
      }
      return get(tx, id);
    });
  } catch (error) {
    throw conflictOr(error, changes.name ?? "");
  }
}

/** Deletes a view only if `ownerId` owns it; false otherwise. */
export async function remove(db: Queryable, id: string, ownerId: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { rows } = await db.query("DELETE FROM saved_view WHERE id = $1 AND owner_id = $2 RETURNING id", [id, ownerId]);
  return rows.length > 0;
}

/** Deletes a shared view whoever owns it (an admin's clean-up); false when there is no such shared view. */
export async function removeShared(db: Queryable, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { rows } = await db.query("DELETE FROM saved_view WHERE id = $1 AND shared RETURNING id", [id]);
  return rows.length > 0;
}

/**
 * Makes `viewId` the user's default view of `page` (replacing any other), or clears it with null. The caller checks
 * that the user may open the view and that it belongs to `page`.
 */
export async function setDefault(db: Queryable, userId: string, page: string, viewId: string | null): Promise<void> {
  if (viewId === null) {
    await db.query("DELETE FROM saved_view_default WHERE user_id = $1 AND page = $2", [userId, page]);
    return;
  }
  await db.query(
    `INSERT INTO saved_view_default (user_id, page, view_id) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, page) DO UPDATE SET view_id = excluded.view_id`,
    [userId, page, viewId],
  );
}

const selectViews = `SELECT v.id, v.owner_id, u.name AS owner_name, v.page, v.name, v.query, v.shared, v.created_at,
       v.updated_at
  FROM saved_view v JOIN staff_user u ON u.id = v.owner_id`;

interface ViewRow {
  id: string;
  owner_id: string;
  owner_name: string;
  page: string;
  name: string;
  query: unknown;
  shared: boolean;
  created_at: Date;
  updated_at: Date;
}

function toSavedView(row: ViewRow): SavedView {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    page: row.page,
    name: row.name,
    // Rows written before views were search strings hold an object; they open as an empty view.
    query: typeof row.query === "string" ? row.query : "",
    shared: row.shared,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function conflictOr(error: unknown, name: string): unknown {
  if (isUniqueViolation(error, "saved_view_owner_page_name_key")) {
    return new ConflictError("name", `you already have a view named "${name}" on this page`);
  }
  return error;
}
