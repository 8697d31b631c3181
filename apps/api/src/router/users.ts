import { randomBytes } from "node:crypto";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { ConflictError, passkeys, type StaffUser, sessions, totp, trustedDevices, users } from "@vbo/db";
import { roles } from "@vbo/domain";
import { createUserInput } from "@vbo/domain/inputs";
import { z } from "zod";
import { openSessionItems } from "../auth/openSessions.ts";
import { hashPassword } from "../auth/password.ts";
import { procedureWith } from "../trpc.ts";

export { createUserInput };
export const setRoleInput = z.object({ id: z.uuid(), role: z.enum(roles) });
export const disableInput = z.object({ id: z.uuid() });
export const userIdInput = z.object({ id: z.uuid() });

const shape = (u: StaffUser, mfaEnrolled?: boolean) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  mustChangePassword: u.mustChangePassword,
  ...(mfaEnrolled === undefined ? {} : { mfaEnrolled }),
});

/** 20 characters from an alphabet without look-alikes (~100 bits): read out or pasted once, then replaced. */
function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join("");
}

function notFound(): never {
  throw new TRPCError({ code: "NOT_FOUND", message: "No staff user with this id" });
}

export const usersRouter = {
  list: procedureWith("users.manage").query(async ({ ctx }) => {
    const enrolled = new Set(await totp.enrolledUserIds(ctx.db));
    return { items: (await users.list(ctx.db)).map((u) => shape(u, enrolled.has(u.id))) };
  }),

  create: procedureWith("users.manage", { target: (input) => input.email })
    .input(createUserInput)
    .mutation(async ({ ctx, input }) => {
      try {
        const { password, ...rest } = input;
        return shape(await users.create(ctx.db, { ...rest, passwordHash: await hashPassword(password) }));
      } catch (err) {
        if (err instanceof ConflictError) throw new TRPCError({ code: "CONFLICT", message: err.message });
        throw err;
      }
    }),

  setRole: procedureWith("users.manage", { target: (input) => input.id })
    .input(setRoleInput)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user?.id && input.role !== "admin") {
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "You cannot take away your own admin role" });
      }
      const user = (await users.setRole(ctx.db, input.id, input.role)) ?? notFound();
      ctx.sessions.forgetUser(input.id);
      return shape(user);
    }),

  disable: procedureWith("users.manage", { target: (input) => input.id })
    .input(disableInput)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user?.id)
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "You cannot disable yourself" });
      const user = (await users.disable(ctx.db, input.id)) ?? notFound();
      ctx.sessions.forgetUser(input.id);
      return shape(user);
    }),

  enable: procedureWith("users.manage", { target: (input) => input.id })
    .input(userIdInput)
    .mutation(async ({ ctx, input }) => shape((await users.enable(ctx.db, input.id)) ?? notFound())),

  /** A temporary password, shown to the admin once; the user must replace it at the next sign-in. */
  resetPassword: procedureWith("users.manage", { target: (input) => input.id })
    .input(userIdInput)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user?.id) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "Change your own password from your account menu",
        });
      }
      const password = temporaryPassword();
      (await users.setPassword(ctx.db, input.id, await hashPassword(password), { mustChange: true })) ?? notFound();
      await sessions.revokeAllForUser(ctx.db, input.id);
      await trustedDevices.forgetUser(ctx.db, input.id);
      ctx.sessions.forgetUser(input.id);
      return { temporaryPassword: password };
    }),

  /** Removes the user's authenticator and recovery codes and signs them out: they set one up again at sign-in. */
  resetMfa: procedureWith("users.manage", { target: (input) => input.id })
    .input(userIdInput)
    .mutation(async ({ ctx, input }) => {
      (await users.findById(ctx.db, input.id)) ?? notFound();
      const removed = (await totp.remove(ctx.db, input.id)) || (await passkeys.removeAllForUser(ctx.db, input.id)) > 0;
      await sessions.revokeAllForUser(ctx.db, input.id);
      ctx.sessions.forgetUser(input.id);
      return { ok: true as const, removed };
    }),

  revokeSessions: procedureWith("users.manage", { target: (input) => input.id })
    .input(userIdInput)
    .mutation(async ({ ctx, input }) => {
      (await users.findById(ctx.db, input.id)) ?? notFound();
      const revoked = await sessions.revokeAllForUser(ctx.db, input.id);
      ctx.sessions.forgetUser(input.id);
      return { revoked };
    }),

  sessions: procedureWith("users.manage")
    .input(userIdInput)
    .query(({ ctx, input }) => openSessionItems(ctx.db, input.id, null)),
} satisfies TRPCRouterRecord;
