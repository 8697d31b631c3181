/** Roles and what each may do — CONTRACT.md §3, kept as data in this one place for the API and the dashboard. */
export const roles = ["operations", "support", "manager", "admin"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "authentications.read",
  "transactions.read",
  "analytics.read",
  "tokens.read",
  "tokens.suspend",
  "tokens.activate",
  "tokens.update",
  "tokens.delete",
  "transactions.refund",
  "transactions.capture",
  "transactions.void",
  "audit.read",
  "users.manage",
] as const;
export type Permission = (typeof permissions)[number];

const everyone: readonly Role[] = roles;
const tokenCare: readonly Role[] = ["support", "manager", "admin"];
const tokenChange: readonly Role[] = ["support", "admin"];
const money: readonly Role[] = ["support", "manager", "admin"];
const oversight: readonly Role[] = ["manager", "admin"];
const adminOnly: readonly Role[] = ["admin"];

export const rolesWith: Record<Permission, readonly Role[]> = {
  "authentications.read": everyone,
  "transactions.read": everyone,
  "analytics.read": everyone,
  "tokens.read": tokenCare,
  "tokens.suspend": tokenCare,
  "tokens.activate": tokenCare,
  "tokens.update": tokenChange,
  "tokens.delete": tokenChange,
  "transactions.refund": money,
  "transactions.capture": money,
  "transactions.void": money,
  "audit.read": oversight,
  "users.manage": adminOnly,
};

export function can(role: Role, permission: Permission): boolean {
  return rolesWith[permission].includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export const roleLabels: Record<Role, string> = {
  operations: "Operations",
  support: "Support",
  manager: "Manager",
  admin: "Admin",
};

/** Staff passwords: at least this long (checked by the API, shown by the Users form). */
export const minPasswordLength = 12;
