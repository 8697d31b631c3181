import { ConflictError, type Db, type OidcIdentity, type StaffUser, users } from "@vbo/db";
import { type Role, type SsoErrorCode, ssoRoleOf } from "@vbo/domain";
import type { SsoSettings } from "../../context.ts";

/** What the identity provider said about the user (ID token claims, completed from userinfo). */
export type ProviderClaims = Record<string, unknown> & { iss: string; sub: string };

export type SsoAccount =
  | { ok: true; user: StaffUser; created: boolean; roleChange: { from: Role; to: Role } | null }
  | { ok: false; code: SsoErrorCode; reason: string; email: string | null; user: StaffUser | null };

const emailPattern = /^[^\s@]+@[^\s@]+$/;

/**
 * The staff user this provider account signs in as. Found by the provider account (issuer + subject), else by email
 * (then linked to it). Created on first sign-in with the mapped role; the role is re-read from the claim at every
 * sign-in and updated when it changed. Refused without a mapped group (no user is created), for a disabled user, and
 * when the email's user is linked to another provider account. A break-glass admin (BREAK_GLASS_ADMINS) is never
 * linked nor signed in through the provider: the provider's groups must not take away the way in when it is down.
 */
export async function ssoAccountOf(
  db: Db,
  settings: SsoSettings,
  claims: ProviderClaims,
  breakGlassAdmins: readonly string[] = [],
): Promise<SsoAccount> {
  const identity: OidcIdentity = { issuer: claims.iss, subject: claims.sub };
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  const role = ssoRoleOf(claims[settings.roleClaim], settings.roleMap);
  const refuse = (code: SsoErrorCode, reason: string, user: StaffUser | null = null): SsoAccount => ({
    ok: false,
    code,
    reason,
    email: user?.email ?? email,
    user,
  });

  let user = await users.findByOidcIdentity(db, identity);
  if (!user) {
    if (!email || !emailPattern.test(email) || claims.email_verified === false)
      return refuse("no_email", "the provider gave no verified email address");
    const byEmail = await users.findByEmail(db, email);
    if (byEmail && breakGlassAdmins.includes(byEmail.email))
      return refuse("break_glass", "a break-glass account is never linked to the provider", byEmail);
    if (byEmail && !role) return refuse("unmapped", `no group in ${settings.roleClaim} is mapped to a role`, byEmail);
    if (byEmail) {
      user = await users.linkOidcIdentity(db, byEmail.id, identity);
      if (!user) return refuse("conflict", "the email's user is linked to another provider account", byEmail);
    } else {
      if (!role) return refuse("unmapped", `no group in ${settings.roleClaim} is mapped to a role`);
      try {
        const created = await users.createFromSso(db, { email, name: nameOf(claims, email), role, identity });
        return { ok: true, user: created, created: true, roleChange: null };
      } catch (err) {
        // The same person's two first sign-ins at once: the other one created the user.
        if (!(err instanceof ConflictError)) throw err;
        user = await users.findByOidcIdentity(db, identity);
        if (!user) return refuse("conflict", err.message);
      }
    }
  }
  if (user.disabledAt) return refuse("disabled", "the user is disabled", user);
  if (breakGlassAdmins.includes(user.email))
    return refuse("break_glass", "a break-glass account signs in with its password only", user);
  if (!role) return refuse("unmapped", `no group in ${settings.roleClaim} is mapped to a role`, user);
  if (user.role === role) return { ok: true, user, created: false, roleChange: null };
  const updated = (await users.setRole(db, user.id, role)) ?? user;
  return { ok: true, user: updated, created: false, roleChange: { from: user.role, to: role } };
}

function nameOf(claims: ProviderClaims, email: string): string {
  for (const key of ["name", "preferred_username"]) {
    const value = claims[key];
    if (typeof value === "string" && value.trim()) return value.trim().slice(0, 200);
  }
  const given = [claims.given_name, claims.family_name].filter((v) => typeof v === "string" && v.trim()).join(" ");
  return given.trim().slice(0, 200) || email;
}
