import type { TRPCRouterRecord } from "@trpc/server";
import { type AuditEvent, audit, auditOutcomes } from "@vbo/db";
import { z } from "zod";
import { wellFormedText } from "../schemas/listQuery.ts";
import { procedureWith } from "../trpc.ts";

const optionalText = z
  .string()
  .trim()
  .max(300)
  .refine(wellFormedText, "has a broken character (half of a UTF-16 surrogate pair)")
  .optional()
  .transform((v) => (v ? v : undefined));

/** Shared by the list and the CSV export: filter by actor, action, target, outcome and time. */
const auditFilterFields = z.object({
  actor: optionalText,
  action: optionalText,
  target: optionalText,
  outcome: z.enum(auditOutcomes).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const fromBeforeTo = (f: { from?: string; to?: string }) => !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to);
const fromBeforeToIssue = { path: ["to"], message: "to must not be before from" };

export const auditFiltersInput = auditFilterFields.refine(fromBeforeTo, fromBeforeToIssue);

export const auditListInput = auditFilterFields
  .extend({ limit: z.number().int().min(1).max(1000).default(50), skip: z.number().int().min(0).default(0) })
  .refine(fromBeforeTo, fromBeforeToIssue)
  .optional();

export function toAuditFilters(input: Partial<z.infer<typeof auditFiltersInput>>) {
  return {
    ...input,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
  };
}

export function shapeAuditEvent(e: AuditEvent) {
  return { ...e, at: e.at.toISOString() };
}

export const auditRouter = {
  list: procedureWith("audit.read")
    .input(auditListInput)
    .query(async ({ ctx, input }) => {
      const { limit = 50, skip = 0, ...filters } = input ?? {};
      const page = await audit.list(ctx.db, { ...toAuditFilters(filters), limit, skip });
      return { items: page.items.map(shapeAuditEvent), count: page.count };
    }),
} satisfies TRPCRouterRecord;
