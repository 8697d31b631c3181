import { type FieldSpec, filterOps, filterProblems, sortProblems } from "@vbo/verifone/fields";
import { z } from "zod";

// A lone surrogate (half of a UTF-16 pair) cannot be percent-encoded into Verifone's query string.
const loneSurrogate = /[\uD800-\uDFFF]/u;
export const wellFormedText = (text: string) => !loneSurrogate.test(text);
const wellFormed = { message: "has a broken character (half of a UTF-16 surrogate pair)" };

export const filterSchema = z.object({
  field: z.string().min(1).max(100).refine(wellFormedText, wellFormed),
  op: z.enum(filterOps),
  value: z.union([z.string().max(256).refine(wellFormedText, wellFormed), z.number()]),
});

export const sortSchema = z.object({
  field: z.string().min(1).max(100).refine(wellFormedText, wellFormed),
  desc: z.boolean().optional(),
});

/** Filters checked against a Verifone field catalog: unknown field, wrong operator or value type → an issue at its path. */
export function filtersSchema(catalog: readonly FieldSpec[]) {
  return z
    .array(filterSchema)
    .max(100)
    .default([])
    .superRefine((filters, ctx) => {
      for (const p of filterProblems(catalog, filters))
        ctx.addIssue({ code: "custom", path: p.path.slice(1), message: p.message });
    });
}

export function sortsSchema(catalog: readonly FieldSpec[]) {
  return z
    .array(sortSchema)
    .max(10)
    .default([])
    .superRefine((sort, ctx) => {
      for (const p of sortProblems(catalog, sort))
        ctx.addIssue({ code: "custom", path: p.path.slice(1), message: p.message });
    });
}

export function listQuerySchema(catalog: readonly FieldSpec[]) {
  return z.object({
    filters: filtersSchema(catalog),
    sort: sortsSchema(catalog),
    limit: z.number().int().min(1).max(10_000).default(50),
    skip: z.number().int().min(0).max(1_000_000_000).default(0),
  });
}

export function countQuerySchema(catalog: readonly FieldSpec[]) {
  return z.object({ filters: filtersSchema(catalog) });
}
