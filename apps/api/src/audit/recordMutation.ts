import { TRPCError } from "@trpc/server";
import { audit } from "@vbo/db";
import { redactCardNumbers } from "@vbo/domain";
import type { Context } from "../context.ts";
import { UpstreamFailure } from "../errors.ts";
import { redactInput } from "./redactInput.ts";

type Options = {
  ctx: Context;
  action: string;
  target?: (input: Record<string, unknown>) => unknown;
  getRawInput: () => Promise<unknown>;
};

// Refusals are decisions (ours or Verifone's about the request); anything else that fails is a failure.
const refusedCodes = new Set([
  "UNAUTHORIZED",
  "FORBIDDEN",
  "BAD_REQUEST",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "TOO_MANY_REQUESTS",
  "NOT_FOUND",
]);

/** Runs a mutation and appends exactly one audit event describing what happened, whatever happened. */
export async function recordMutation<R extends { ok: boolean }>(options: Options, run: () => Promise<R>): Promise<R> {
  let result: R | undefined;
  let thrown: unknown;
  try {
    result = await run();
  } catch (err) {
    thrown = err;
  }
  const error = result ? ("error" in result ? (result.error as TRPCError) : null) : asTRPCError(thrown);
  await append(options, error);
  if (result) return result;
  throw thrown;
}

function asTRPCError(err: unknown): TRPCError {
  return err instanceof TRPCError ? err : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: err });
}

async function append({ ctx, action, target, getRawInput }: Options, error: TRPCError | null) {
  const raw = await getRawInput().catch(() => undefined);
  const input = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const upstream = error?.cause instanceof UpstreamFailure ? error.cause.info : null;
  const actor = ctx.auditNote.actor ?? ctx.user;
  try {
    await audit.append(ctx.db, {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      actorRole: actor?.role ?? null,
      action,
      target: targetOf(target, input),
      input: redactInput(raw ?? null),
      upstreamStatus: upstream?.status ?? ctx.auditNote.upstreamStatus ?? null,
      outcome: !error ? "success" : upstream || !refusedCodes.has(error.code) ? "failure" : "refused",
      error: error ? redactCardNumbers(`${error.code}: ${error.message}`) : null,
      requestId: ctx.requestId,
    });
  } catch (err) {
    // The action itself stands (it may have moved money): say so loudly in the logs rather than pretend it failed.
    ctx.log.error({ err, action }, "could not write the audit event");
  }
}

function targetOf(target: Options["target"], input: Record<string, unknown>): string | null {
  try {
    const value = target?.(input);
    return value === undefined || value === null || value === ""
      ? null
      : redactCardNumbers(String(value).slice(0, 300));
  } catch {
    return null;
  }
}
