import { Badge, NavLink, Stack } from "@mantine/core";
import { NavLink as RouterNavLink } from "react-router";
import { useCurrentUser } from "../auth/currentUser.ts";
import { sectionsFor } from "./sections.ts";

/** Only the sections the signed-in role may open; those not built yet are shown disabled. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { role } = useCurrentUser();
  return (
    <Stack gap={2} component="nav" aria-label="Sections">
      {sectionsFor(role).map(({ key, label, to, icon: SectionIcon, ready }) =>
        ready ? (
          <NavLink
            key={key}
            data-testid={`nav-${key}`}
            component={RouterNavLink}
            to={to}
            label={label}
            leftSection={<SectionIcon size={18} stroke={1.6} />}
            onClick={onNavigate}
          />
        ) : (
          <NavLink
            key={key}
            data-testid={`nav-${key}`}
            label={label}
            disabled
            leftSection={<SectionIcon size={18} stroke={1.6} />}
            rightSection={
              <Badge size="xs" variant="light" color="gray">
                soon
              </Badge>
            }
          />
        ),
      )}
    </Stack>
  );
}
