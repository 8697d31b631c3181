import type { TRPCRouterRecord } from "@trpc/server";
import { liabilityCountPlan, liabilityOf } from "@vbo/domain";
import type { ThreeDSAuthentication } from "@vbo/verifone";
import { authenticationFields, type Filter } from "@vbo/verifone/fields";
import { z } from "zod";
import type { Context } from "../context.ts";
import { authenticationIdSchema } from "../schemas/ids.ts";
import { countQuerySchema, listQuerySchema } from "../schemas/listQuery.ts";
import { procedureWith } from "../trpc.ts";
import { upstream } from "../upstream.ts";

export const authenticationListInput = listQuerySchema(authenticationFields)
  .optional()
  .default({ filters: [], sort: [], limit: 50, skip: 0 });
export const authenticationCountInput = countQuerySchema(authenticationFields).optional().default({ filters: [] });
export const authenticationGetInput = z.object({ id: authenticationIdSchema });

export type AuthenticationView = ThreeDSAuthentication & { liability: ReturnType<typeof liabilityOf> };

export function toAuthenticationView(record: ThreeDSAuthentication): AuthenticationView {
  return { ...record, liability: liabilityOf(record) };
}

/** Identical counts within a few seconds share one upstream call (the summary strip asks for three at once). */
function countAuthentications(ctx: Context, filters: Filter[]): Promise<number> {
  const key = JSON.stringify(filters);
  return ctx.counts.get(`3d:${key}`, () => ctx.verifone.threeDS.count({ filters }, { requestId: ctx.requestId }));
}

export const authenticationsRouter = {
  list: procedureWith("authentications.read")
    .input(authenticationListInput)
    .query(async ({ ctx, input }) => {
      const records = await upstream(() => ctx.verifone.threeDS.list(input, { requestId: ctx.requestId }));
      return { items: records.map(toAuthenticationView) };
    }),

  count: procedureWith("authentications.read")
    .input(authenticationCountInput)
    .query(async ({ ctx, input }) => {
      return { count: await upstream(() => countAuthentications(ctx, input.filters)) };
    }),

  /** Total, shifted to the issuer, stayed with the merchant — for the current filters, from count queries only. */
  summary: procedureWith("authentications.read")
    .input(authenticationCountInput)
    .query(async ({ ctx, input }) => {
      const plan = liabilityCountPlan(input.filters);
      const count = (filters: Filter[] | null) => (filters ? countAuthentications(ctx, filters) : Promise.resolve(0));
      const [total, base, legacyVisa] = await upstream(() =>
        Promise.all([count(plan.total), count(plan.issuerBase), count(plan.issuerLegacyVisa)]),
      );
      const issuer = Math.max(0, base - legacyVisa);
      return { total, issuer, merchant: Math.max(0, total - issuer) };
    }),

  get: procedureWith("authentications.read")
    .input(authenticationGetInput)
    .query(async ({ ctx, input }) => {
      return toAuthenticationView(
        await upstream(() => ctx.verifone.threeDS.get(input.id, { requestId: ctx.requestId })),
      );
    }),
} satisfies TRPCRouterRecord;
