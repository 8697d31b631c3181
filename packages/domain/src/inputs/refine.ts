import type { z } from "zod";

/** A zod refinement from one of the domain's `…Problem(value)` rules (a message, or null when all is well). */
export const problemCheck = (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
  const message = problem(value);
  if (message) ctx.addIssue({ code: "custom", message });
};
