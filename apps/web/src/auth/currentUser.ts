import type { RouterOutputs } from "@vbo/api";
import { can, type Permission, roleLabels } from "@vbo/domain";
import { createContext, useContext } from "react";

export type CurrentUser = NonNullable<RouterOutputs["auth"]["me"]>["user"];

/** The signed-in staff user; provided by AuthGate around every page that needs a session. */
export const CurrentUserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser() needs a signed-in user: render the page inside <AuthGate>");
  return user;
}

/** "Maya Manager · Manager" */
export function userSummary(user: CurrentUser): string {
  return `${user.name} · ${roleLabels[user.role]}`;
}

/**
 * Whether the signed-in user may take an action, and if not the sentence saying why (for a tooltip on the disabled
 * control). The server refuses on its own as well; this only keeps people from trying what cannot work.
 */
export function usePermission(permission: Permission, doWhat: string): { allowed: boolean; reason: string | null } {
  const { role } = useCurrentUser();
  const allowed = can(role, permission);
  return { allowed, reason: allowed ? null : `Your role (${roleLabels[role]}) cannot ${doWhat}` };
}
