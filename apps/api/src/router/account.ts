import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { passkeys, preferences, sessions, totp, users } from "@vbo/db";
import { canonicalTimeZone, factorRequiredFor } from "@vbo/domain";
import { changePasswordInput } from "@vbo/domain/inputs";
import { z } from "zod";
import { factorAccepted, reserveFactorAttempt } from "../auth/loginThrottle.ts";
import { openSessionItems } from "../auth/openSessions.ts";
import { registerPasskey, registrationOptions } from "../auth/passkeyCeremonies.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { factorMethods, identityOf, stepFor } from "../auth/signIn.ts";
import { newRecoveryCodes, newTotpSecret, openSecret, sealSecret, totpStepOf, totpUri } from "../auth/totpFactor.ts";
import type { Context } from "../context.ts";
import { accountProcedure, signedInUser } from "../trpc.ts";
import { webauthnResponse } from "./auth.ts";

export const codeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "code must be the 6-digit code"),
});
export { changePasswordInput };

/** A zone Intl knows, stored in its canonical spelling; null goes back to the browser's zone. */
export const setTimeZoneInput = z.object({
  timeZone: z
    .string()
    .max(100, "timeZone must be at most 100 characters")
    .nullable()
    .transform((zone, check) => {
      if (zone === null) return null;
      const canonical = canonicalTimeZone(zone);
      if (canonical) return canonical;
      check.addIssue({
        code: "custom",
        message: "timeZone must be an IANA time zone such as Europe/Berlin or UTC, or null for the browser's zone",
      });
      return z.NEVER;
    }),
});

/** Checks a 6-digit code against the user's factor (throttled; a code works once). */
async function checkCode(ctx: Context, userId: string, code: string, confirmed: boolean): Promise<void> {
  const reserved = await reserveFactorAttempt(ctx.db, userId);
  const factor = await totp.find(ctx.db, userId);
  const step =
    factor && factor.confirmed === confirmed
      ? totpStepOf(openSecret(factor.secret, identityOf(ctx).totpKey), code)
      : null;
  if (step === null || !(await totp.useStep(ctx.db, userId, step))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "code is incorrect or already used" });
  }
  await factorAccepted(ctx.db, reserved);
}

/** After a step of the sign-in is done, move the session to what is left (or to fully signed in). */
async function advanceSession(ctx: Context, userId: string, sessionId: string): Promise<void> {
  if (!ctx.session?.restriction) return;
  const user = await users.findById(ctx.db, userId);
  if (!user) return;
  await sessions.setRestriction(ctx.db, sessionId, await stepFor(ctx, user, true));
  if (ctx.sessionToken) ctx.sessions.forgetToken(ctx.sessionToken);
}

export const accountRouter = {
  totp: {
    begin: accountProcedure(["enrol-mfa"]).mutation(async ({ ctx }) => {
      const caller = signedInUser(ctx);
      if ((await totp.find(ctx.db, caller.id))?.confirmed) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "An authenticator is already set up: disable it first",
        });
      }
      const secret = newTotpSecret();
      await totp.begin(ctx.db, caller.id, sealSecret(secret, identityOf(ctx).totpKey));
      return { secret, uri: totpUri(secret, caller.email) };
    }),

    confirm: accountProcedure(["enrol-mfa"])
      .input(codeInput)
      .mutation(async ({ ctx, input }) => {
        const caller = signedInUser(ctx);
        const factor = await totp.find(ctx.db, caller.id);
        if (!factor || factor.confirmed) {
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Start the set-up first (account.totp.begin)" });
        }
        await checkCode(ctx, caller.id, input.code, false);
        const recoveryCodes = newRecoveryCodes();
        await totp.confirm(ctx.db, caller.id, recoveryCodes);
        await advanceSession(ctx, caller.id, caller.sessionId);
        return { recoveryCodes };
      }),

    disable: accountProcedure()
      .input(codeInput)
      .mutation(async ({ ctx, input }) => {
        const caller = signedInUser(ctx);
        if (factorRequiredFor(caller.role, identityOf(ctx).mfaRequiredRoles)) {
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: `Your role (${caller.role}) requires a second factor: it cannot be switched off`,
          });
        }
        if (!(await totp.find(ctx.db, caller.id))?.confirmed) {
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: "No authenticator is set up" });
        }
        await checkCode(ctx, caller.id, input.code, true);
        await totp.remove(ctx.db, caller.id);
        return { ok: true as const };
      }),

    status: accountProcedure().query(async ({ ctx }) => {
      const caller = signedInUser(ctx);
      return {
        enrolled: (await totp.find(ctx.db, caller.id))?.confirmed ?? false,
        recoveryCodesLeft: await totp.remainingRecoveryCodes(ctx.db, caller.id),
        required: factorRequiredFor(caller.role, identityOf(ctx).mfaRequiredRoles),
      };
    }),
  },

  passkeys: {
    list: accountProcedure().query(async ({ ctx }) => ({
      items: (await passkeys.listForUser(ctx.db, signedInUser(ctx).id)).map((p) => ({
        id: p.id,
        name: p.name,
        createdAt: p.createdAt.toISOString(),
        lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
      })),
    })),
    registerOptions: accountProcedure(["enrol-mfa"]).mutation(({ ctx }) => registrationOptions(ctx, signedInUser(ctx))),
    register: accountProcedure(["enrol-mfa"], { target: (input) => input.name })
      .input(z.object({ name: z.string().trim().min(1, "name is required").max(60), response: webauthnResponse }))
      .mutation(async ({ ctx, input }) => {
        const caller = signedInUser(ctx);
        const added = await registerPasskey(ctx, caller, input.name, input.response);
        await advanceSession(ctx, caller.id, caller.sessionId);
        return { id: added.id, name: added.name, createdAt: added.createdAt.toISOString(), lastUsedAt: null };
      }),
    remove: accountProcedure([], { target: (input) => input.id })
      .input(z.object({ id: z.string().min(1).max(1400) }))
      .mutation(async ({ ctx, input }) => {
        const caller = signedInUser(ctx);
        const methods = await factorMethods(ctx, caller.id);
        const onlyFactor = methods.length === 1 && methods[0] === "passkey";
        const required = factorRequiredFor(caller.role, identityOf(ctx).mfaRequiredRoles);
        if (required && onlyFactor && (await passkeys.countForUser(ctx.db, caller.id)) === 1) {
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: "Your role requires a second factor: add another before removing this one",
          });
        }
        if (!(await passkeys.remove(ctx.db, caller.id, input.id))) {
          throw new TRPCError({ code: "NOT_FOUND", message: "No passkey of yours with this id" });
        }
        return { ok: true as const };
      }),
  },

  changePassword: accountProcedure(["change-password"])
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const caller = signedInUser(ctx);
      const reserved = await reserveFactorAttempt(ctx.db, caller.id);
      const stored = await users.passwordHashOf(ctx.db, caller.id);
      if (!stored && (await users.oidcIdentityOf(ctx.db, caller.id))) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "You sign in through single sign-on: there is no back-office password to change",
        });
      }
      if (!stored || !(await verifyPassword(stored, input.current))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "current password is incorrect" });
      }
      await factorAccepted(ctx.db, reserved);
      await users.setPassword(ctx.db, caller.id, await hashPassword(input.next), { mustChange: false });
      await sessions.revokeOthers(ctx.db, caller.id, caller.sessionId);
      ctx.sessions.forgetUser(caller.id);
      await advanceSession(ctx, caller.id, caller.sessionId);
      return { ok: true as const };
    }),

  /** The caller's own settings (README: additions to the contract). */
  preferences: accountProcedure().query(async ({ ctx }) => preferences.find(ctx.db, signedInUser(ctx).id)),

  setTimeZone: accountProcedure([], { target: (input) => input.timeZone })
    .input(setTimeZoneInput)
    .mutation(async ({ ctx, input }) => preferences.setTimeZone(ctx.db, signedInUser(ctx).id, input.timeZone)),

  sessions: accountProcedure().query(async ({ ctx }) => {
    const caller = signedInUser(ctx);
    return openSessionItems(ctx.db, caller.id, caller.sessionId);
  }),

  revokeOtherSessions: accountProcedure().mutation(async ({ ctx }) => {
    const caller = signedInUser(ctx);
    const revoked = await sessions.revokeOthers(ctx.db, caller.id, caller.sessionId);
    ctx.sessions.forgetUser(caller.id);
    return { revoked };
  }),
} satisfies TRPCRouterRecord;
