import { initTRPC } from "@trpc/server";
import type { Context } from "./context.ts";
import { problemsOf, upstreamOf } from "./errors.ts";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: { ...shape.data, stack: undefined, problems: problemsOf(error), upstream: upstreamOf(error) },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const publicProcedure = t.procedure;
