import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { ConflictError, type StaffUser, users } from "@vbo/db";
import { roles } from "@vbo/domain";
import { z } from "zod";
import { hashPassword, minPasswordLength } from "../auth/password.ts";
import { procedureWith } from "../trpc.ts";

export const createUserInput = z.object({
  email: z.email().trim().toLowerCase().max(254),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  password: z.string().min(minPasswordLength, `password must be at least ${minPasswordLength} characters`).max(200),
});
export const setRoleInput = z.object({ id: z.uuid(), role: z.enum(roles) });
export const disableInput = z.object({ id: z.uuid() });

const shape = (u: StaffUser) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

function notFound(): never {
  throw new TRPCError({ code: "NOT_FOUND", message: "No staff user with this id" });
}

export const usersRouter = {
  list: procedureWith("users.manage").query(async ({ ctx }) => ({ items: (await users.list(ctx.db)).map(shape) })),

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
} satisfies TRPCRouterRecord;
