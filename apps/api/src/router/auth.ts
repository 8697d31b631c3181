import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { sessions, users } from "@vbo/db";
import { isRole } from "@vbo/domain";
import { z } from "zod";
import { clearFailedLogins, recordFailedLogin, refuseIfThrottled } from "../auth/loginThrottle.ts";
import { decoyPasswordHash, verifyPassword } from "../auth/password.ts";
import { clearedSessionCookie, sessionAbsoluteMs, sessionCookie } from "../auth/sessionCookie.ts";
import { publicProcedure } from "../trpc.ts";

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(200),
});

// One message for every failed sign-in, so nobody learns whether an email has an account.
const wrongCredentials = "Email or password is incorrect";

export const authRouter = {
  login: publicProcedure
    .meta({ permission: "public", audit: { target: (input) => input.email } })
    .input(loginInput)
    .mutation(async ({ ctx, input }) => {
      await refuseIfThrottled(ctx.db, input.email, ctx.ip);
      const found = await users.findCredentialsByEmail(ctx.db, input.email);
      const valid = await verifyPassword(found?.passwordHash ?? (await decoyPasswordHash()), input.password);
      if (!found || !valid || found.user.disabledAt || !isRole(found.user.role)) {
        await recordFailedLogin(ctx.db, input.email, ctx.ip);
        throw new TRPCError({ code: "UNAUTHORIZED", message: wrongCredentials });
      }
      await clearFailedLogins(ctx.db, input.email);
      const { token } = await sessions.create(ctx.db, found.user.id, {
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        absoluteTtlMs: sessionAbsoluteMs,
      });
      ctx.setCookie(sessionCookie(token, ctx.secure));
      const user = { id: found.user.id, email: found.user.email, name: found.user.name, role: found.user.role };
      ctx.auditNote.actor = user;
      return { user };
    }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) {
      await sessions.revoke(ctx.db, ctx.sessionToken);
      ctx.sessions.forgetToken(ctx.sessionToken);
    }
    ctx.setCookie(clearedSessionCookie(ctx.secure));
    return { ok: true as const };
  }),

  me: publicProcedure.query(({ ctx }) => (ctx.user ? { user: ctx.user } : null)),
} satisfies TRPCRouterRecord;
