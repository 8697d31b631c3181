import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { type TokenAction, tokenActionAllowed, tokenChangeProblems } from "@vbo/domain";
import {
  reuseTokenSchema,
  tokenActionInput,
  tokenChangesSchema,
  tokenGetInput,
  tokenUpdateInput,
} from "@vbo/domain/inputs";
import type { TokenDetails } from "@vbo/verifone";
import type { Context } from "../context.ts";
import { UpstreamFailure } from "../errors.ts";
import { procedureWith } from "../trpc.ts";
import { upstream, upstreamWrite } from "../upstream.ts";

export { reuseTokenSchema, tokenActionInput, tokenChangesSchema, tokenGetInput, tokenUpdateInput };

export type TokenView = TokenDetails;

async function readToken(ctx: Context, reuseToken: string): Promise<TokenView> {
  try {
    return await upstream(() => ctx.verifone.tokens.get(reuseToken, { requestId: ctx.requestId }));
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") {
      throw new TRPCError({ code: "NOT_FOUND", message: "No token with this id", cause: err.cause });
    }
    throw err;
  }
}

/** Reads the token and refuses, naming its current state, when the state does not allow the action. */
async function tokenAllowing(ctx: Context, reuseToken: string, action: TokenAction): Promise<TokenView> {
  const token = await readToken(ctx, reuseToken);
  const allowed = tokenActionAllowed(token.token_status, action);
  if (!allowed.ok) throw new TRPCError({ code: "PRECONDITION_FAILED", message: allowed.message });
  return token;
}

const byToken = { target: (input: Record<string, unknown>) => input.reuseToken };

/** Suspend / activate: check the state, ask Verifone, and show the token as Verifone now has it. */
function stateChange(action: "suspend" | "activate") {
  return procedureWith(`tokens.${action}`, byToken)
    .input(tokenActionInput)
    .mutation(async ({ ctx, input }) => {
      await tokenAllowing(ctx, input.reuseToken, action);
      await upstreamWrite(action, () => ctx.verifone.tokens[action](input.reuseToken, { requestId: ctx.requestId }));
      ctx.auditNote.upstreamStatus = 204;
      return readToken(ctx, input.reuseToken);
    });
}

export const tokensRouter = {
  get: procedureWith("tokens.read")
    .input(tokenGetInput)
    .query(({ ctx, input }) => readToken(ctx, input.reuseToken)),

  suspend: stateChange("suspend"),
  activate: stateChange("activate"),

  update: procedureWith("tokens.update", byToken)
    .input(tokenUpdateInput)
    .mutation(async ({ ctx, input }) => {
      const token = await tokenAllowing(ctx, input.reuseToken, "update");
      const problems = tokenChangeProblems(input.changes, new Date(), token);
      if (problems[0]) throw new TRPCError({ code: "BAD_REQUEST", message: problems[0].message });
      await upstreamWrite("update", () =>
        ctx.verifone.tokens.update(input.reuseToken, input.changes, { requestId: ctx.requestId }),
      );
      ctx.auditNote.upstreamStatus = 200;
      return readToken(ctx, input.reuseToken);
    }),

  delete: procedureWith("tokens.delete", byToken)
    .input(tokenActionInput)
    .mutation(async ({ ctx, input }) => {
      const token = await tokenAllowing(ctx, input.reuseToken, "delete");
      try {
        await upstreamWrite("deletion", () =>
          ctx.verifone.tokens.delete(input.reuseToken, { requestId: ctx.requestId }),
        );
      } catch (err) {
        const now = await readToken(ctx, input.reuseToken).catch(() => null);
        // Verifone's answer was lost and the token is now deleted: the delete asked for is done — report it so,
        // not as "already deleted" (which is what re-reading after someone else's delete means).
        const unanswered =
          err instanceof TRPCError && err.cause instanceof UpstreamFailure && err.cause.info.outcomeUnknown;
        if (unanswered && now?.token_status === "DELETED") {
          ctx.auditNote.upstreamStatus = 204;
          return { ...now, token_status: "DELETED" as const };
        }
        // Someone else deleted it between our read and our call: say so rather than show Verifone's refusal.
        if (now?.token_status === "DELETED" || (err instanceof TRPCError && err.code === "NOT_FOUND")) {
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This token is already deleted" });
        }
        throw err;
      }
      ctx.auditNote.upstreamStatus = 204;
      return { ...token, token_status: "DELETED" as const };
    }),
} satisfies TRPCRouterRecord;
