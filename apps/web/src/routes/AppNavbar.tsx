import { Badge, NavLink, Stack } from "@mantine/core";
import {
  type Icon,
  IconArrowsExchange,
  IconCreditCard,
  IconHistory,
  IconShieldCheck,
  IconUsers,
} from "@tabler/icons-react";
import { NavLink as RouterNavLink } from "react-router";

type Section = { label: string; to: string; icon: Icon; ready: boolean };

// The back office's sections; those not built yet are listed (disabled) so their place is obvious.
const sections: Section[] = [
  { label: "Authentications", to: "/authentications", icon: IconShieldCheck, ready: true },
  { label: "Transactions", to: "/transactions", icon: IconArrowsExchange, ready: false },
  { label: "Tokens", to: "/tokens", icon: IconCreditCard, ready: false },
  { label: "Audit", to: "/audit", icon: IconHistory, ready: false },
  { label: "Users", to: "/users", icon: IconUsers, ready: false },
];

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  return (
    <Stack gap={2} component="nav" aria-label="Sections">
      {sections.map(({ label, to, icon: SectionIcon, ready }) =>
        ready ? (
          <NavLink
            key={to}
            component={RouterNavLink}
            to={to}
            label={label}
            leftSection={<SectionIcon size={18} stroke={1.6} />}
            onClick={onNavigate}
          />
        ) : (
          <NavLink
            key={to}
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
