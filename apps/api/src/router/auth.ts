import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { sessions, totp, trustedDevices, users } from "@vbo/db";
import { isRole, type SignInStep } from "@vbo/domain";
import { loginInput, mfaVerifyInput, webauthnResponse } from "@vbo/domain/inputs";
import { z } from "zod";
import {
  factorAccepted,
  passwordAccepted,
  reserveFactorAttempt,
  reservePasskeyChallenge,
  reservePasswordAttempt,
} from "../auth/loginThrottle.ts";
import { authenticationOptions, verifyPasskey } from "../auth/passkeyCeremonies.ts";
import { decoyPasswordHash, verifyPassword } from "../auth/password.ts";
import { clearedSessionCookie } from "../auth/sessionCookie.ts";
import { factorMethods, identityOf, replaceSession, sessionUserOf, startSession, stepFor } from "../auth/signIn.ts";
import { localSignInRefusal, signInMethods } from "../auth/signInMethods.ts";
import { openSecret, totpStepOf } from "../auth/totpFactor.ts";
import type { SessionUser } from "../context.ts";
import { accountProcedure, publicProcedure, signedInUser } from "../trpc.ts";

export { loginInput, mfaVerifyInput, webauthnResponse };

// One message for every failed sign-in, so nobody learns whether an email has an account.
const wrongCredentials = "Email or password is incorrect";

export const authRouter = {
  login: publicProcedure
    .meta({ permission: "public", audit: { target: (input) => input.email } })
    .input(loginInput)
    .mutation(async ({ ctx, input }) => {
      // PASSWORD_LOGIN=false: only the break-glass admins get as far as their password.
      const switchedOff = localSignInRefusal(ctx, input.email);
      if (switchedOff) throw new TRPCError({ code: "FORBIDDEN", message: switchedOff });
      const found = await users.findCredentialsByEmail(ctx.db, input.email);
      const trustedDevice =
        !!found && !!ctx.deviceToken && (await trustedDevices.isTrusted(ctx.db, found.user.id, ctx.deviceToken));
      const attempt = await reservePasswordAttempt(ctx.db, input.email, ctx.ip, { trustedDevice });
      const valid = await verifyPassword(found?.passwordHash ?? (await decoyPasswordHash()), input.password);
      if (!found || !valid || found.user.disabledAt || !isRole(found.user.role)) {
        throw new TRPCError({ code: "UNAUTHORIZED", message: wrongCredentials });
      }
      const notAdmin = localSignInRefusal(ctx, found.user.email, found.user.role);
      if (notAdmin) throw new TRPCError({ code: "FORBIDDEN", message: notAdmin });
      await passwordAccepted(ctx.db, attempt);
      const user = sessionUserOf(found.user);
      ctx.auditNote.actor = user;
      const next = await stepFor(ctx, found.user, false);
      await startSession(ctx, user, next);
      if (next === "mfa") return { mfa: { methods: await factorMethods(ctx, found.user.id) } };
      return { user, next };
    }),

  /** Password-less sign-in with a passkey: options (a challenge), then the browser's answer. */
  passkey: {
    options: publicProcedure.mutation(async ({ ctx }) => {
      await reservePasskeyChallenge(ctx.db, ctx.ip);
      return authenticationOptions(ctx, null);
    }),
    login: publicProcedure.input(z.object({ response: webauthnResponse })).mutation(async ({ ctx, input }) => {
      const userId = await verifyPasskey(ctx, null, input.response);
      const found = await users.findById(ctx.db, userId);
      if (!found || found.disabledAt || !isRole(found.role))
        throw new TRPCError({ code: "UNAUTHORIZED", message: wrongCredentials });
      const switchedOff = localSignInRefusal(ctx, found.email, found.role);
      if (switchedOff) throw new TRPCError({ code: "FORBIDDEN", message: switchedOff });
      const user = sessionUserOf(found);
      ctx.auditNote.actor = user;
      // A passkey with user verification is both factors at once.
      const next = await stepFor(ctx, found, true);
      if (next === "mfa") throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "factor passed yet due" });
      await startSession(ctx, user, next);
      return { user, next };
    }),
  },

  mfa: {
    passkeyOptions: accountProcedure(["mfa"]).mutation(({ ctx }) => authenticationOptions(ctx, signedInUser(ctx).id)),
    verify: accountProcedure(["mfa"])
      .input(mfaVerifyInput)
      .mutation(async ({ ctx, input }) => {
        const caller = signedInUser(ctx);
        const reserved = await reserveFactorAttempt(ctx.db, caller.id);
        const factor = await totp.find(ctx.db, caller.id);
        let passed = false;
        if (factor?.confirmed && "totp" in input) {
          const step = totpStepOf(openSecret(factor.secret, identityOf(ctx).totpKey), input.totp);
          passed = step !== null && (await totp.useStep(ctx.db, caller.id, step));
        } else if (factor?.confirmed && "recoveryCode" in input) {
          passed = await totp.useRecoveryCode(ctx.db, caller.id, input.recoveryCode);
        } else if ("passkey" in input) {
          passed = (await verifyPasskey(ctx, caller.id, input.passkey)) === caller.id;
        }
        if (!passed) throw new TRPCError({ code: "UNAUTHORIZED", message: "The code is incorrect or already used" });
        await factorAccepted(ctx.db, reserved);
        const full = await users.findById(ctx.db, caller.id);
        if (!full || full.disabledAt) throw new TRPCError({ code: "UNAUTHORIZED", message: wrongCredentials });
        const user = sessionUserOf(full);
        const next = await stepFor(ctx, full, true);
        if (next === "mfa") throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "factor passed yet due" });
        await replaceSession(ctx, user, next);
        return { user, next };
      }),
  },

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) {
      await sessions.revoke(ctx.db, ctx.sessionToken);
      ctx.sessions.forgetToken(ctx.sessionToken);
    }
    ctx.setCookie(clearedSessionCookie(ctx.secure));
    return { ok: true as const };
  }),

  /** How staff may sign in here, for the sign-in page: password (on or break-glass only) and single sign-on. */
  methods: publicProcedure.query(({ ctx }) => signInMethods(ctx)),

  /** The user, and what is left of the sign-in (`next`); null without a session or while the factor is due. */
  me: publicProcedure.query(({ ctx }): { user: SessionUser; next: Exclude<SignInStep, "mfa"> | null } | null => {
    if (ctx.user) return { user: ctx.user, next: null };
    const session = ctx.session;
    if (session?.restriction && session.restriction !== "mfa") return { user: session.user, next: session.restriction };
    return null;
  }),
} satisfies TRPCRouterRecord;
