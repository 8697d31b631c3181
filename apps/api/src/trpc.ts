import { initTRPC, TRPCError } from "@trpc/server";
import type { SessionRestriction } from "@vbo/db";
import { can, type Permission, redactCardData } from "@vbo/domain";
import { recordMutation } from "./audit/recordMutation.ts";
import type { Context, SessionUser } from "./context.ts";
import { problemsOf, problemsSentence, upstreamOf } from "./errors.ts";

/** Every procedure declares who may call it; `public` is for sign-in only (see the matrix test). */
export type Meta = {
  /** `signed-in`: any role, its own data only (account.*). */
  permission: Permission | "public" | "signed-in";
  /** Steps of an unfinished sign-in (CONTRACT.md: the pending cookie) in which the procedure may also be called. */
  during?: SessionRestriction[];

  /** Mutations: the audit action (default: the procedure path) and how to name the target from the raw input. */
  audit?: { target?: (input: Record<string, unknown>) => unknown };
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const problems = problemsOf(error);
      const formatted = {
        ...shape,
        // zod's own message is its issues as JSON: say them in words instead (they stay structured in data).
        message: problems?.length ? problemsSentence(problems) : shape.message,
        data: { ...shape.data, stack: undefined, problems, upstream: upstreamOf(error) },
      };
      // Error texts echo what was sent (an id, a path, Verifone's message about it): never a card number.
      return redactCardData(formatted) as typeof formatted;
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
    const pending = ctx.session?.restriction;
    if (pending && ctx.session && meta?.during?.includes(pending)) {
      ctx.auditNote.actor ??= ctx.session.user;
      return next();
    }
    if (!ctx.user) {
      const message = pending ? `Finish signing in first (${pending})` : "Sign in to continue";
      throw new TRPCError({ code: "UNAUTHORIZED", message });
    }

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

/**
 * A procedure on the caller's own account: any signed-in user, and — for the steps listed in `during` — a session
 * that is still finishing its sign-in. Use `signedInUser(ctx)` inside.
 */
export function accountProcedure(during: SessionRestriction[] = [], audit?: Meta["audit"]) {
  return guarded.meta({ permission: "signed-in", during, audit });
}

/** The caller of an accountProcedure (the gate has made sure there is one). */
export function signedInUser(ctx: Context): SessionUser & { sessionId: string } {
  const session = ctx.session;
  const user = ctx.user ?? session?.user;
  if (!user || !session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return { ...user, sessionId: session.id };
}

/** A procedure any signed-in user may call, on their own data (`views.*`, `search.*`: CONTRACT.md §3). */
export function signedInProcedure(audit?: Meta["audit"]) {
  return accountProcedure([], audit);
}

/** A procedure that needs a session whose role has `permission` (CONTRACT.md §3). */
export function procedureWith(permission: Permission, audit?: Meta["audit"]) {
  return guarded.meta({ permission, audit });
}
