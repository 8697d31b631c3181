import type { TRPCRouterRecord } from "@trpc/server";
import { checkCapture, checkRefund, checkVoid, transactionActions, transactionDateRangeProblems } from "@vbo/domain";
import { idempotencyKeySchema, moveAmountSchema, refundReasonSchema } from "@vbo/domain/inputs";
import type { Transaction } from "@vbo/verifone";
import { type Filter, transactionQueryProblems } from "@vbo/verifone/fields";
import { z } from "zod";
import type { Context } from "../context.ts";
import { transactionIdSchema } from "../schemas/ids.ts";
import { filterSchema, sortSchema } from "../schemas/listQuery.ts";
import { childrenOf } from "../transactions/children.ts";
import { countByListing, listedCountCap } from "../transactions/countByListing.ts";
import { moveMoneyOnce } from "../transactions/moveMoney.ts";
import { withOriginals } from "../transactions/originals.ts";
import { authenticationsFor, toTransactionView, transactionViews } from "../transactions/views.ts";
import { procedureWith } from "../trpc.ts";
import { upstream } from "../upstream.ts";

export const queryIssues = (query: Parameters<typeof transactionQueryProblems>[0], ctx: z.RefinementCtx) => {
  for (const p of transactionQueryProblems(query)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  // Verifone refuses a created range over a month without saying which filter is at fault: say it first.
  for (const p of transactionDateRangeProblems(query.filters ?? [])) {
    ctx.addIssue({ code: "custom", path: ["filters", p.index], message: p.message });
  }
};

/** Filters on the fields GET /api/v2/transactions documents; `skip` counts records (a multiple of `limit`). */
export const transactionListInput = z
  .object({
    filters: z.array(filterSchema).max(100).default([]),
    sort: z.array(sortSchema).max(1).default([]),
    limit: z.number().int().min(1).max(1000).default(50),
    skip: z.number().int().min(0).default(0),
  })
  .superRefine(queryIssues)
  .optional();
export const transactionCountInput = z
  .object({ filters: z.array(filterSchema).max(100).default([]) })
  .superRefine(queryIssues)
  .optional();
export const transactionGetInput = z.object({ id: transactionIdSchema });

const idempotencyKey = idempotencyKeySchema;
export const refundInput = z.object({
  id: transactionIdSchema,
  amount: moveAmountSchema,
  reason: refundReasonSchema,
  idempotencyKey,
});
export const captureInput = z.object({
  id: transactionIdSchema,
  amount: moveAmountSchema.optional(),
  idempotencyKey,
});
export const voidInput = z.object({ id: transactionIdSchema, idempotencyKey });

async function readTransaction(ctx: Context, id: string): Promise<Transaction> {
  return upstream(() => ctx.verifone.transactions.get(id, { requestId: ctx.requestId }));
}

/** One transaction with its children, its matching 3-D Secure authentication, liability and allowed actions. */
async function transactionDetail(ctx: Context, id: string) {
  const tx = await readTransaction(ctx, id);
  const [children, originals] = await Promise.all([childrenOf(ctx, tx), withOriginals(ctx, [tx])]);
  const authentications = await authenticationsFor(ctx, [...originals.values()]);
  return { ...toTransactionView(tx, authentications, originals, children), children };
}

/** The transaction as it stands right now, for the checks before a money move. */
async function currentActions(ctx: Context, id: string) {
  const tx = await readTransaction(ctx, id);
  return { tx, actions: transactionActions(tx, await childrenOf(ctx, tx)) };
}

/** Verifone's answer to a money move, shown as the transaction it created. */
async function resultView(ctx: Context, createdId: string | undefined, fallbackParent: string) {
  return transactionDetail(ctx, createdId ?? fallbackParent);
}

/** For a move whose answer was lost: the transaction `idempotencyKey` created on `parent`, shown, or null. */
function learnOutcome(ctx: Context, parent: string, idempotencyKey: string) {
  return async () => {
    const created = await ctx.verifone.transactions.createdWith(idempotencyKey, { requestId: ctx.requestId });
    const child = created.find((t) => t.parent_id === parent && t.id);
    return child?.id ? transactionDetail(ctx, child.id) : null;
  };
}

const byId = { target: (input: Record<string, unknown>) => input.id };

export const transactionsRouter = {
  list: procedureWith("transactions.read")
    .input(transactionListInput)
    .query(async ({ ctx, input }) => {
      const query = input ?? { filters: [], sort: [], limit: 50, skip: 0 };
      const txs = await upstream(() => ctx.verifone.transactions.list(query, { requestId: ctx.requestId }));
      return { items: await transactionViews(ctx, txs) };
    }),

  count: procedureWith("transactions.read")
    .input(transactionCountInput)
    .query(async ({ ctx, input }) => {
      const filters: Filter[] = input?.filters ?? [];
      // The list always covers a created range — the one given, or Verifone's default of the last 7 days — while
      // GET /api/v2/transactions/count takes none and counts the whole history: so the list itself is counted.
      const seen = await ctx.counts.get(`tx-listed:${JSON.stringify(filters)}`, () => countByListing(ctx, filters));
      return seen > listedCountCap ? { count: listedCountCap, atLeast: true as const } : { count: seen };
    }),

  get: procedureWith("transactions.read")
    .input(transactionGetInput)
    .query(({ ctx, input }) => transactionDetail(ctx, input.id)),

  refund: procedureWith("transactions.refund", byId)
    .input(refundInput)
    .mutation(({ ctx, input }) =>
      moveMoneyOnce({
        ctx,
        action: "refund",
        id: input.id,
        idempotencyKey: input.idempotencyKey,
        request: { amount: input.amount, reason: input.reason ?? null },
        check: async () => {
          const { tx, actions } = await currentActions(ctx, input.id);
          return checkRefund(actions, input.amount, tx.currency_code ?? "");
        },
        perform: async ({ amount }) => {
          const body = { amount, ...(input.reason ? { reason: input.reason } : {}) };
          const done = await ctx.verifone.transactions.refund(input.id, body, {
            idempotencyKey: input.idempotencyKey,
            requestId: ctx.requestId,
          });
          return resultView(ctx, done.id, input.id);
        },
        learn: learnOutcome(ctx, input.id, input.idempotencyKey),
      }),
    ),

  capture: procedureWith("transactions.capture", byId)
    .input(captureInput)
    .mutation(({ ctx, input }) =>
      moveMoneyOnce({
        ctx,
        action: "capture",
        id: input.id,
        idempotencyKey: input.idempotencyKey,
        request: { amount: input.amount ?? null },
        check: async () => {
          const { tx, actions } = await currentActions(ctx, input.id);
          return checkCapture(actions, input.amount, tx.currency_code ?? "");
        },
        perform: async ({ amount }) => {
          const done = await ctx.verifone.transactions.capture(
            input.id,
            { amount },
            { idempotencyKey: input.idempotencyKey, requestId: ctx.requestId },
          );
          return resultView(ctx, done.id, input.id);
        },
        learn: learnOutcome(ctx, input.id, input.idempotencyKey),
      }),
    ),

  void: procedureWith("transactions.void", byId)
    .input(voidInput)
    .mutation(({ ctx, input }) =>
      moveMoneyOnce({
        ctx,
        action: "void",
        id: input.id,
        idempotencyKey: input.idempotencyKey,
        request: {},
        check: async () => {
          const { actions } = await currentActions(ctx, input.id);
          const checked = checkVoid(actions);
          return checked.ok ? { ...checked, voidKind: actions.voidKind } : checked;
        },
        perform: async ({ voidKind }) => {
          const options = { idempotencyKey: input.idempotencyKey, requestId: ctx.requestId };
          // "release" (the rest of a partly captured hold) is a void of the uncaptured remainder, as "void" is of all.
          const done =
            voidKind === "void_capture"
              ? await ctx.verifone.transactions.voidCapture(input.id, options)
              : await ctx.verifone.transactions.void(input.id, options);
          return resultView(ctx, done.id, input.id);
        },
        learn: learnOutcome(ctx, input.id, input.idempotencyKey),
      }),
    ),
} satisfies TRPCRouterRecord;
