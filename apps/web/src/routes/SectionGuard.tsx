import { can } from "@vbo/domain";
import type { ReactNode } from "react";
import { useCurrentUser } from "../auth/currentUser.ts";
import { ForbiddenPage } from "./ForbiddenPage.tsx";
import { type Section, sectionByKey } from "./sections.ts";

/** Renders the section's page only for a role with its permission (so a forbidden page's code is not even loaded). */
export function SectionGuard({ section, children }: { section: Section["key"]; children: ReactNode }) {
  const { role } = useCurrentUser();
  const found = sectionByKey(section);
  return can(role, found.permission) ? children : <ForbiddenPage section={found} />;
}
