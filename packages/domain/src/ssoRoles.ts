import { type Role, roles } from "./permissions.ts";

/** OIDC_ROLE_MAP parsed: which identity-provider claim value (a group's name or id) grants which back-office role. */
export type SsoRoleMap = ReadonlyMap<string, Role>;

export type RoleMapProblem = { entry: string; message: string };

/**
 * Parses `group=role,group=role` (whitespace around items is ignored; a group name may contain `=` only before the
 * last one). Returns the map, or the entries that are wrong and why.
 */
export function parseSsoRoleMap(text: string): { map: SsoRoleMap } | { problems: RoleMapProblem[] } {
  const map = new Map<string, Role>();
  const problems: RoleMapProblem[] = [];
  const entries = text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return { problems: [{ entry: text, message: "no group=role entry" }] };
  for (const entry of entries) {
    const at = entry.lastIndexOf("=");
    const group = entry.slice(0, Math.max(at, 0)).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !group) problems.push({ entry, message: "expected group=role" });
    else if (!(roles as readonly string[]).includes(role))
      problems.push({ entry, message: `unknown role ${role} (one of ${roles.join(", ")})` });
    else if (map.has(group) && map.get(group) !== role)
      problems.push({ entry, message: `${group} is mapped to two roles` });
    else map.set(group, role as Role);
  }
  return problems.length > 0 ? { problems } : { map };
}

/**
 * Where several mapped groups match, the one highest in this order wins: admin, manager, support, operations
 * (CONTRACT.md §3 lists roles from least to most trusted; support and manager each have a permission the other
 * lacks, and manager's audit oversight ranks it above support).
 */
const precedence: readonly Role[] = ["admin", "manager", "support", "operations"];

/** The values of the role claim as a list: a string, a list of strings, or a space/comma-separated string. */
export function claimValues(claim: unknown): string[] {
  if (typeof claim === "string") return claim.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === "string");
  return [];
}

/** The back-office role a user's claim values map to, or null when none of them is mapped. */
export function ssoRoleOf(claim: unknown, map: SsoRoleMap): Role | null {
  const granted = new Set(claimValues(claim).flatMap((value) => map.get(value) ?? []));
  return precedence.find((role) => granted.has(role)) ?? null;
}
