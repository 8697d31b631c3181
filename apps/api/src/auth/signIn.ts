import { passkeys, type StaffUser, sessions, totp, trustedDevices, users } from "@vbo/db";
import { factorRequiredFor, isRole, nextSignInStep, type SignInStep } from "@vbo/domain";
import type { Context, IdentitySettings, SessionUser } from "../context.ts";
import { deviceCookie, deviceTrustMs } from "./deviceCookie.ts";
import { sessionAbsoluteMs, sessionCookie } from "./sessionCookie.ts";

// A session waiting for the second factor lives 5 minutes; the other steps get the normal lifetime.
const pendingFactorMs = 5 * 60_000;

export const defaultIdentity: IdentitySettings = { mfaRequiredRoles: [], totpKey: null };
export const identityOf = (ctx: Pick<Context, "identity">) => ctx.identity ?? defaultIdentity;

/** The second factors the user has: an authenticator app (with its recovery codes) and/or passkeys. */
export async function factorMethods(ctx: Context, userId: string): Promise<("totp" | "passkey" | "recovery")[]> {
  const methods: ("totp" | "passkey" | "recovery")[] = [];
  if ((await totp.find(ctx.db, userId))?.confirmed) methods.push("totp", "recovery");
  if ((await passkeys.countForUser(ctx.db, userId)) > 0) methods.push("passkey");
  return methods;
}

export async function hasConfirmedFactor(ctx: Context, userId: string): Promise<boolean> {
  return (await factorMethods(ctx, userId)).length > 0;
}

/** What is left of the sign-in for `user` (see nextSignInStep). */
export async function stepFor(ctx: Context, user: StaffUser, factorPassed: boolean): Promise<SignInStep | null> {
  return nextSignInStep({
    hasFactor: await hasConfirmedFactor(ctx, user.id),
    factorPassed,
    mustChangePassword: user.mustChangePassword,
    factorRequired: isRole(user.role) && factorRequiredFor(user.role, identityOf(ctx).mfaRequiredRoles),
  });
}

/** Starts a session at `step` (null: fully signed in) and sets its cookie. */
export async function startSession(ctx: Context, user: SessionUser, step: SignInStep | null): Promise<void> {
  const { token } = await sessions.create(ctx.db, user.id, {
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    absoluteTtlMs: step === "mfa" ? pendingFactorMs : sessionAbsoluteMs,
    restriction: step,
  });
  ctx.setCookie(sessionCookie(token, ctx.secure));
  // Password (and factor, when there is one) proven: the sign-in counts, and this browser is trusted.
  if (step !== "mfa") {
    await users.recordSignIn(ctx.db, user.id);
    const device = await trustedDevices.create(ctx.db, user.id, deviceTrustMs);
    ctx.setCookie(deviceCookie(device, ctx.secure));
  }
}

/** Replaces the caller's session with a new one (a new token at each step up, so a pending token never elevates). */
export async function replaceSession(ctx: Context, user: SessionUser, step: SignInStep | null): Promise<void> {
  if (ctx.sessionToken) {
    await sessions.revoke(ctx.db, ctx.sessionToken);
    ctx.sessions.forgetToken(ctx.sessionToken);
  }
  await startSession(ctx, user, step);
}

export const sessionUserOf = (u: StaffUser): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });
