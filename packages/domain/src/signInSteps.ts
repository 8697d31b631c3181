import type { Role } from "./permissions.ts";

/**
 * What is left to do before a sign-in is complete, in this order: the second factor (when the user has one), a
 * temporary password to replace, a factor to enrol (when the role requires one). A session that has a step left is
 * good for that step only.
 */
export const signInSteps = ["mfa", "change-password", "enrol-mfa"] as const;
export type SignInStep = (typeof signInSteps)[number];

export type SignInState = {
  hasFactor: boolean;
  factorPassed: boolean;
  mustChangePassword: boolean;
  factorRequired: boolean;
};

export function nextSignInStep(state: SignInState): SignInStep | null {
  if (state.hasFactor && !state.factorPassed) return "mfa";
  if (state.mustChangePassword) return "change-password";
  if (state.factorRequired && !state.hasFactor) return "enrol-mfa";
  return null;
}

/** `MFA_REQUIRED_ROLES`: the roles that must have a second factor. */
export function factorRequiredFor(role: Role, requiredRoles: readonly Role[]): boolean {
  return requiredRoles.includes(role);
}

/** Roles that hold money or card-data powers: required to use a second factor in production by default. */
export const defaultMfaRequiredRoles: readonly Role[] = ["support", "manager", "admin"];
