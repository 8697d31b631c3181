import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { UnsupportedFilterError } from "@vbo/db";
import { periodDays } from "@vbo/domain";
import { authenticationsAnswer, paymentsAnswer } from "../analytics/answers.ts";
import { readSyncStates, statusOf } from "../analytics/storeStatus.ts";
import type { Context } from "../context.ts";
import { analyticsAuthenticationsInput, analyticsPaymentsInput } from "../schemas/analyticsInput.ts";
import { procedureWith } from "../trpc.ts";

export { analyticsAuthenticationsInput, analyticsPaymentsInput } from "../schemas/analyticsInput.ts";

/** ANALYTICS_BACKFILL_DAYS: the store's history, and so the longest period it answers for. */
export const defaultBackfillDays = 400;

/** A BAD_REQUEST whose problems name the input field, like zod's. */
function badInput(path: (string | number)[], message: string): TRPCError {
  const cause = Object.assign(new Error(message), { issues: [{ path, message }] });
  return new TRPCError({ code: "BAD_REQUEST", message, cause });
}

function checkHistory(ctx: Context, input: { from: string; to: string }) {
  const history = ctx.analytics?.backfillDays ?? defaultBackfillDays;
  const days = periodDays(input);
  if (days > history) {
    throw badInput(
      ["from"],
      `the period from ${input.from} to ${input.to} is ${days} days, longer than the analytics store's history (${history} days, ANALYTICS_BACKFILL_DAYS)`,
    );
  }
}

async function answering<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UnsupportedFilterError) throw badInput(["filters", err.index, "field"], err.message);
    throw err;
  }
}

export const analyticsRouter = {
  authentications: procedureWith("analytics.read")
    .input(analyticsAuthenticationsInput)
    .query(({ ctx, input }) => {
      checkHistory(ctx, input);
      return answering(() => authenticationsAnswer(ctx.db, input));
    }),

  payments: procedureWith("analytics.read")
    .input(analyticsPaymentsInput)
    .query(({ ctx, input }) => {
      checkHistory(ctx, input);
      return answering(() => paymentsAnswer(ctx.db, input));
    }),

  status: procedureWith("analytics.read").query(async ({ ctx }) =>
    statusOf(await readSyncStates(ctx.db), ctx.analytics?.now?.()),
  ),
} satisfies TRPCRouterRecord;
