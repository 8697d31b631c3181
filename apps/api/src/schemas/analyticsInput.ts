// Inputs of the analytics.* procedures (CONTRACT.md §5). Browser-safe (zod, domain, the field catalogs), so the
// Analytics page validates with the same objects.
import {
  analyticsAuthenticationFilterFields,
  analyticsPaymentFilterFields,
  authenticationDimensions,
  isIsoDay,
  paymentDimensions,
} from "@vbo/domain";
import { authenticationFields, type FieldSpec, filterProblems, transactionFields } from "@vbo/verifone/fields";
import { z } from "zod";
import { filterSchema } from "./listQuery.ts";

const day = (name: string) =>
  z
    .string({ error: `${name} is required (YYYY-MM-DD, a UTC day)` })
    .refine(isIsoDay, { message: `${name} must be a UTC day written YYYY-MM-DD` });

/** Filters of the list's grammar, on fields the store holds. */
function storeFilters(catalog: readonly FieldSpec[], held: readonly string[], what: string) {
  const heldSet = new Set(held);
  return z
    .array(filterSchema)
    .max(100)
    .default([])
    .superRefine((filters, ctx) => {
      const problems = filterProblems(catalog, filters);
      for (const p of problems) ctx.addIssue({ code: "custom", path: p.path.slice(1), message: p.message });
      const bad = new Set(problems.map((p) => p.path[1]));
      filters.forEach((f, i) => {
        if (bad.has(i) || heldSet.has(f.field)) return;
        ctx.addIssue({
          code: "custom",
          path: [i, "field"],
          message: `analytics cannot filter on "${f.field}": the analytics store does not hold it (it holds ${what})`,
        });
      });
    });
}

function periodInput<D extends readonly [string, ...string[]]>(
  dimensions: D,
  filters: ReturnType<typeof storeFilters>,
) {
  return z
    .object({
      from: day("from"),
      to: day("to"),
      by: z.enum(dimensions, { error: `by must be one of ${dimensions.join(", ")}` }),
      filters,
      compare: z.boolean().default(false),
    })
    .superRefine((input, ctx) => {
      if (input.from > input.to) {
        ctx.addIssue({ code: "custom", path: ["from"], message: `from (${input.from}) is after to (${input.to})` });
      }
    });
}

export const analyticsAuthenticationsInput = periodInput(
  authenticationDimensions,
  storeFilters(
    authenticationFields,
    analyticsAuthenticationFilterFields,
    analyticsAuthenticationFilterFields.join(", "),
  ),
);
export const analyticsPaymentsInput = periodInput(
  paymentDimensions,
  storeFilters(transactionFields, analyticsPaymentFilterFields, analyticsPaymentFilterFields.join(", ")),
);

export type AnalyticsAuthenticationsInput = z.infer<typeof analyticsAuthenticationsInput>;
export type AnalyticsPaymentsInput = z.infer<typeof analyticsPaymentsInput>;
