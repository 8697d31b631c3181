import { initTRPC, TRPCError } from "@trpc/server";
import { can, type Permission } from "@vbo/domain";
import { recordMutation } from "./audit/recordMutation.ts";
import type { Context } from "./context.ts";
import { problemsOf, upstreamOf } from "./errors.ts";

/** Every procedure declares who may call it; `public` is for sign-in only (see the matrix test). */
export type Meta = {
  permission: Permission | "public" | "signed-in";
  /** Mutations: the audit action (default: the procedure path) and how to name the target from the raw input. */
  audit?: { target?: (input: Record<string, unknown>) => unknown };
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        data: { ...shape.data, stack: undefined, problems: problemsOf(error), upstream: upstreamOf(error) },
      };
    },
  });

/**
 * The one gate every procedure passes: session, then permission, and — for mutations — exactly one audit event
 * whatever happens next (success, upstream failure, refused by permission or by input validation).
 */
const enforce = t.middleware(async ({ ctx, meta, type, path, next, getRawInput }) => {
  const permission = meta?.permission;
  const run = async () => {
    if (permission === "public") return next();
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    if (permission === "signed-in") return next();
    if (!permission || !can(ctx.user.role, permission)) {
      const needed = permission ?? "an undeclared permission";
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${ctx.user.role}) lacks the permission ${needed}`,
      });
    }
    return next();
  };
  if (type !== "mutation") return run();
  return recordMutation({ ctx, action: path, target: meta?.audit?.target, getRawInput }, run);
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
const guarded = t.procedure.use(enforce);

/** A procedure anyone may call (sign-in, sign-out, who-am-I). */
export const publicProcedure = guarded.meta({ permission: "public" });

/** A procedure any signed-in user may call, on their own data (`account.*`, `views.*`: CONTRACT.md §3). */
export function signedInProcedure(audit?: Meta["audit"]) {
  return guarded.meta({ permission: "signed-in", audit });
}

/** A procedure that needs a session whose role has `permission` (CONTRACT.md §3). */
export function procedureWith(permission: Permission, audit?: Meta["audit"]) {
  return guarded.meta({ permission, audit });
}
