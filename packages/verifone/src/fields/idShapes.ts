// What an id must look like before it goes into a Verifone path. Checked at the API's edge (so the error names the
// field) and again by the client (so nothing else can send one): an id is never a dot segment ("." and ".." would
// walk to the parent path: GET /v2/3d/. is the list), never a sibling route ("count"), never a card number.
import { findCardNumbers } from "@vbo/domain";

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The 3-D Secure spec types `_id` as a plain string; the ids Verifone issues are UUIDs, but we only insist on what
// a path segment needs: letters, digits, `-` and `_` (no dots, slashes or escapes).
const segmentShape = /^[A-Za-z0-9_-]{1,100}$/;
const siblingRoutes = new Set(["count"]);

/** What no path id may be, whatever its API: blank, a dot segment, or holding a card number. */
export function pathIdProblem(field: string, id: string): string | null {
  if (id.trim() === "") return `${field} is required`;
  if (id === "." || id === "..") return `${field} cannot be "${id}"`;
  if (findCardNumbers(id).length > 0) return `${field} looks like a card number: enter the Verifone id instead`;
  return null;
}

/** `GET /api/v2/transaction/{id}` and the money moves: the spec types a transaction id as a UUID ("uuid-flexible"). */
export function transactionIdProblem(id: string, field = "id"): string | null {
  const problem = pathIdProblem(field, id);
  if (problem) return problem;
  return uuidShape.test(id) ? null : `${field} must be a Verifone transaction id (a UUID)`;
}

/** `GET /v2/3d/{id}`: an authentication's `_id`. */
export function authenticationIdProblem(id: string, field = "id"): string | null {
  const problem = pathIdProblem(field, id);
  if (problem) return problem;
  if (siblingRoutes.has(id.toLowerCase())) return `${field} cannot be "${id}"`;
  return segmentShape.test(id) ? null : `${field} must be a 3-D Secure authentication id (letters, digits, - and _)`;
}
