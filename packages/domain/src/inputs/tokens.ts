import { z } from "zod";
import { reasonProblem, reuseTokenProblem } from "../tokenInput.ts";
import { tokenChangeProblems } from "../tokenRules.ts";
import { problemCheck } from "./refine.ts";

// The token procedures' inputs, as the API takes them and the token forms check them. Verifone's reuse tokens are
// 14–255 characters, checked so a malformed id never reaches Verifone.

export const reuseTokenSchema = z.string().trim().superRefine(problemCheck(reuseTokenProblem));
export const tokenReasonSchema = z.string().trim().superRefine(problemCheck(reasonProblem));

export const tokenGetInput = z.object({ reuseToken: reuseTokenSchema });
/** tokens.suspend, .activate and .delete. */
export const tokenActionInput = z.object({ reuseToken: reuseTokenSchema, reason: tokenReasonSchema });

export const tokenChangesSchema = z
  .object({
    expiry_month: z.number().int().optional(),
    expiry_year: z.number().int().optional(),
    card_holder_name: z.string().trim().optional(),
    card_holder_email: z.string().trim().optional(),
    token_expiry_date: z.string().trim().optional(),
  })
  .strict();
export const tokenUpdateReasonSchema = z.string().trim().max(500).optional();
export const tokenUpdateInput = z
  .object({ reuseToken: reuseTokenSchema, changes: tokenChangesSchema, reason: tokenUpdateReasonSchema })
  .superRefine((input, ctx) => {
    for (const p of tokenChangeProblems(input.changes, new Date())) {
      ctx.addIssue({
        code: "custom",
        path: p.field === "changes" ? ["changes"] : ["changes", p.field],
        message: p.message,
      });
    }
  });
