import {
  type Icon,
  IconArrowsExchange,
  IconChartBar,
  IconCreditCard,
  IconHistory,
  IconShieldCheck,
  IconUsers,
} from "@tabler/icons-react";
import { can, type Permission, type Role } from "@vbo/domain";

/**
 * The back office's sections. Each declares the permission it needs: the navigation lists only the sections the
 * role may open, and the route shows the "your role cannot open …" page for the others (CONTRACT.md §3).
 * A section not built yet is listed disabled (`ready: false`) so its place is obvious.
 */
export type Section = {
  key: "authentications" | "transactions" | "analytics" | "tokens" | "audit" | "users";
  label: string;
  to: string;
  icon: Icon;
  permission: Permission;
  /** Ends "Your role (Operations) cannot open …". */
  what: string;
  ready: boolean;
};

export const sections: readonly Section[] = [
  {
    key: "authentications",
    label: "Authentications",
    to: "/authentications",
    icon: IconShieldCheck,
    permission: "authentications.read",
    what: "the authentications",
    ready: true,
  },
  {
    key: "transactions",
    label: "Transactions",
    to: "/transactions",
    icon: IconArrowsExchange,
    permission: "transactions.read",
    what: "the transactions",
    ready: true,
  },
  {
    key: "analytics",
    label: "Analytics",
    to: "/analytics",
    icon: IconChartBar,
    permission: "analytics.read",
    what: "the liability analytics",
    ready: true,
  },
  {
    key: "tokens",
    label: "Tokens",
    to: "/tokens",
    icon: IconCreditCard,
    permission: "tokens.read",
    what: "the card tokens",
    ready: true,
  },
  {
    key: "audit",
    label: "Audit",
    to: "/audit",
    icon: IconHistory,
    permission: "audit.read",
    what: "the audit trail",
    ready: true,
  },
  {
    key: "users",
    label: "Users",
    to: "/users",
    icon: IconUsers,
    permission: "users.manage",
    what: "the staff users",
    ready: true,
  },
];

export function sectionsFor(role: Role): Section[] {
  return sections.filter((section) => can(role, section.permission));
}

export function sectionByKey(key: Section["key"]): Section {
  const section = sections.find((s) => s.key === key);
  if (!section) throw new Error(`no section "${key}"`);
  return section;
}
