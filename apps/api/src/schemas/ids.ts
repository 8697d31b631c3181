import { authenticationIdProblem, transactionIdProblem } from "@vbo/verifone/fields";
import { z } from "zod";

const shaped = (problem: (id: string) => string | null) =>
  z
    .string()
    .trim()
    .max(100)
    .superRefine((id, ctx) => {
      const message = problem(id);
      if (message) ctx.addIssue({ code: "custom", message });
    });

/** A Verifone transaction id (a UUID), checked before any upstream call. */
export const transactionIdSchema = shaped((id) => transactionIdProblem(id));
/** A 3-D Secure authentication `_id`, checked before any upstream call. */
export const authenticationIdSchema = shaped((id) => authenticationIdProblem(id));
