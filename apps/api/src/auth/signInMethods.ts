import type { Role } from "@vbo/domain";
import type { Context } from "../context.ts";
import { identityOf } from "./signIn.ts";
import { ssoStartPath } from "./sso/ssoRoutes.ts";

export type SignInMethods = {
  /** `on`: everyone may use a password or passkey; `break-glass`: only the BREAK_GLASS_ADMINS. */
  password: "on" | "break-glass";
  /** Single sign-on: the button's provider name and where it starts; null when OIDC is not configured. */
  sso: { name: string; startUrl: string } | null;
};

export function signInMethods(ctx: Pick<Context, "identity">): SignInMethods {
  const identity = identityOf(ctx);
  const sso = identity.sso ?? null;
  return {
    password: identity.passwordLogin === false ? "break-glass" : "on",
    sso: sso ? { name: sso.displayName, startUrl: ssoStartPath } : null,
  };
}

/**
 * Why a password or passkey sign-in as `email` is refused with PASSWORD_LOGIN=false (null: it may go on). A
 * break-glass admin may go on; with `role` known (after the password or passkey was checked), only as an admin.
 */
export function localSignInRefusal(ctx: Pick<Context, "identity">, email: string, role?: Role): string | null {
  const identity = identityOf(ctx);
  if (identity.passwordLogin !== false) return null;
  const breakGlass = (identity.breakGlassAdmins ?? []).includes(email.trim().toLowerCase());
  if (breakGlass && (role === undefined || role === "admin")) return null;
  const sso = identity.sso?.displayName ?? "single sign-on";
  return `Password sign-in is switched off here: use "Sign in with ${sso}"`;
}
