import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { idempotency } from "@vbo/db";
import type { Context } from "../context.ts";
import { upstreamWrite } from "../upstream.ts";

export type MoneyMove = "refund" | "capture" | "void";

/** The verdict of the checks before a money move; on success, the amount (and for a void, which endpoint). */
export type MoveCheck =
  | { ok: true; amount: number; voidKind?: "void" | "void_capture" | null }
  | { ok: false; message: string };

type Options<R> = {
  ctx: Context;
  action: MoneyMove;
  id: string;
  idempotencyKey: string;
  /** What identifies the request besides the key (amount, reason…): a different one under the same key is refused. */
  request: Record<string, unknown>;
  /** Checks the transaction as it is now; refuses before any call to Verifone. */
  check: () => Promise<MoveCheck>;
  /** The call to Verifone, with the same idempotency key, once the check passed; returns what the user sees. */
  perform: (checked: Extract<MoveCheck, { ok: true }>) => Promise<R>;
};

/**
 * Moves money at most once per idempotency key: the key is claimed in the database (shared by all API replicas)
 * with a hash of the request, then sent to Verifone as x-vfi-api-idempotencykey. A repeat returns the first outcome;
 * the same key with another request is refused. When Verifone's answer is unknown (timeout) the claim is released so
 * a retry with the same key can ask again — Verifone itself replays the first outcome for that key.
 */
export async function moveMoneyOnce<R>({
  ctx,
  action,
  id,
  idempotencyKey,
  request,
  check,
  perform,
}: Options<R>): Promise<R> {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  const requestHash = createHash("sha256")
    .update(JSON.stringify({ action, id, ...request }))
    .digest("hex");
  const claim = await idempotency.begin(ctx.db, {
    key: idempotencyKey,
    actorId: ctx.user.id,
    action: `transactions.${action}`,
    target: id,
    requestHash,
    retakeInFlightAfterMs: 5 * 60_000,
  });
  if (claim.state === "conflict") {
    throw new TRPCError({ code: "CONFLICT", message: "This idempotency key was already used for a different request" });
  }
  if (claim.state === "in_flight") {
    throw new TRPCError({
      code: "CONFLICT",
      message: `This ${action} is already in progress: wait for it, then read the transaction again`,
    });
  }
  if (claim.state === "completed") {
    ctx.auditNote.upstreamStatus = claim.upstreamStatus ?? undefined;
    return claim.response as R;
  }
  try {
    const checked = await check();
    if (!checked.ok) throw new TRPCError({ code: "PRECONDITION_FAILED", message: checked.message });
    const result = await upstreamWrite(action, () => perform(checked)).catch(async (err: unknown) => {
      // Verifone refused (e.g. a colleague's refund took the remainder meanwhile): say what is allowed now.
      if (err instanceof TRPCError && err.code === "BAD_REQUEST") {
        const now = await check().catch(() => null);
        if (now && !now.ok)
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: now.message, cause: err.cause });
      }
      throw err;
    });
    ctx.auditNote.upstreamStatus = 201;
    await idempotency.complete(ctx.db, idempotencyKey, result, 201);
    return result;
  } catch (err) {
    const upstreamStatus =
      err instanceof TRPCError && err.cause && "info" in err.cause
        ? ((err.cause.info as { status: number | null }).status ?? null)
        : null;
    await idempotency.fail(ctx.db, idempotencyKey, {
      error: err instanceof Error ? err.message : String(err),
      upstreamStatus,
    });
    throw err;
  }
}
