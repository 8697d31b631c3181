import type { Role } from "./permissions.ts";

/** The list pages a saved view can belong to (CONTRACT.md §1). */
export const savedViewPages = ["authentications", "transactions", "audit", "analytics"] as const;
export type SavedViewPage = (typeof savedViewPages)[number];

export const viewNameMaxLength = 80;
/** A page's URL search string; longer ones are not links anybody shares. */
export const viewQueryMaxLength = 4000;

/** Why a view name cannot be used, or null. Names are compared as typed, after trimming. */
export function viewNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return "Give the view a name";
  if (trimmed.length > viewNameMaxLength) return `A view name is at most ${viewNameMaxLength} characters`;
  return null;
}

type Viewer = { id: string; role: Role };
type ViewAccess = { ownerId: string; shared: boolean };

/** Only the owner renames, overwrites, shares or un-shares a view. */
export function mayChangeView(viewer: Viewer, view: ViewAccess): boolean {
  return viewer.id === view.ownerId;
}

/** The owner deletes their view; an admin may also delete a shared one (clean-up of the team's list). */
export function mayDeleteView(viewer: Viewer, view: ViewAccess): boolean {
  return viewer.id === view.ownerId || (view.shared && viewer.role === "admin");
}

/** Who may open (and pick as their default) a view: its owner, or anyone when it is shared. */
export function mayOpenView(viewer: Viewer, view: ViewAccess): boolean {
  return viewer.id === view.ownerId || view.shared;
}

/**
 * The part of a page's URL that a view keeps: everything but the paging offset (`skip`), which says where someone
 * was rather than what they look at. Leading "?" dropped.
 */
export function viewQueryOf(search: string, transient: readonly string[] = ["skip"]): string {
  // Filtered part by part, not re-serialised: the page's own encoding (readable `~`, order of filters) is kept.
  const parts = (search.startsWith("?") ? search.slice(1) : search).split("&");
  return parts.filter((part) => part !== "" && !transient.includes(part.split("=")[0] ?? "")).join("&");
}
