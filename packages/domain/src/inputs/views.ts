import { z } from "zod";
import { savedViewPages, viewNameProblem, viewQueryMaxLength } from "../savedViews.ts";
import { problemCheck } from "./refine.ts";

// The saved-view procedures' inputs, as the API takes them and the save dialog checks them.

const pageSchema = z.enum(savedViewPages);
export const viewNameSchema = z.string().trim().superRefine(problemCheck(viewNameProblem));
// The page's URL search string, without a leading "?".
const querySchema = z
  .string()
  .max(viewQueryMaxLength, `a view's query is at most ${viewQueryMaxLength} characters`)
  .transform((q) => (q.startsWith("?") ? q.slice(1) : q));

export const viewsListInput = z.object({ page: pageSchema });
export const viewsCreateInput = z.object({
  page: pageSchema,
  name: viewNameSchema,
  query: querySchema,
  shared: z.boolean().default(false),
});
export const viewsUpdateInput = z
  .object({
    id: z.uuid(),
    name: viewNameSchema.optional(),
    query: querySchema.optional(),
    shared: z.boolean().optional(),
  })
  .refine((input) => input.name !== undefined || input.query !== undefined || input.shared !== undefined, {
    message: "change at least one of name, query, shared",
  });
export const viewsDeleteInput = z.object({ id: z.uuid() });
export const viewsSetDefaultInput = z.object({ page: pageSchema, id: z.uuid().nullable() });
