import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { idempotency } from "@vbo/db";
import type { TransactionActions } from "@vbo/domain";
import type { Context } from "../context.ts";
import { UpstreamFailure } from "../errors.ts";
import { upstreamWrite } from "../upstream.ts";

export type MoneyMove = "refund" | "capture" | "void";

/** The verdict of the checks before a money move; on success, the amount (and for a void, which endpoint). */
export type MoveCheck =
  | { ok: true; amount: number; voidKind?: TransactionActions["voidKind"] }
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
  /** When Verifone did not answer: what the key created, as the user sees it, or null if nothing. */
  learn?: () => Promise<R | null>;
};

/**
 * Moves money at most once per idempotency key: the key is claimed in the database (shared by all API replicas)
 * with a hash of the request, then sent to Verifone as x-vfi-api-idempotencykey. A repeat returns the first outcome;
 * the same key with another request is refused. When Verifone's answer is unknown (timeout) the claim is released so
 * a retry with the same key can ask again — Verifone itself replays the first outcome for that key. What is sent is
 * recorded before the call, so a claim whose process died mid-call (older than an upstream attempt can take) is
 * resumed by the next request with that key: same key, same amount, to Verifone again.
 */
export async function moveMoneyOnce<R>({
  ctx,
  action,
  id,
  idempotencyKey,
  request,
  check,
  perform,
  learn,
}: Options<R>): Promise<R> {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  const requestHash = createHash("sha256")
    .update(JSON.stringify({ action, id, ...request }))
    .digest("hex");
  const claim = await claimKey(ctx, {
    key: idempotencyKey,
    actorId: ctx.user.id,
    action: `transactions.${action}`,
    target: id,
    requestHash,
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
  // A retry after an unanswered attempt goes straight back to Verifone with the same key and the same checked
  // amount: if the first attempt went through, Verifone replays it; our checks would wrongly see the remainder gone.
  // Likewise for an attempt whose process died before learning the outcome (kill -9, a crash): resend what it sent.
  let checked: Extract<MoveCheck, { ok: true }> | undefined =
    unansweredAttempt(claim.previousError) ?? checkedAttempt(claim.resumedAttempt) ?? undefined;
  try {
    if (!checked) {
      const verdict = await check();
      if (!verdict.ok) throw new TRPCError({ code: "PRECONDITION_FAILED", message: verdict.message });
      checked = verdict;
    }
    const attempt = checked;
    await idempotency.recordAttempt(ctx.db, idempotencyKey, attempt);
    const result = await upstreamWrite(action, () => perform(attempt)).catch(async (err: unknown) => {
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
    const info = err instanceof TRPCError && err.cause instanceof UpstreamFailure ? err.cause.info : null;
    // No answer: ask Verifone what this key created. If it made the move, that is the outcome — say so now.
    const learnt = info?.outcomeUnknown && learn ? await learn().catch(() => null) : null;
    if (learnt !== null && learnt !== undefined) {
      ctx.auditNote.upstreamStatus = 201;
      await idempotency.complete(ctx.db, idempotencyKey, learnt, 201);
      return learnt;
    }
    const error =
      info?.outcomeUnknown && checked
        ? JSON.stringify({ unanswered: checked })
        : err instanceof Error
          ? err.message
          : String(err);
    await idempotency.fail(ctx.db, idempotencyKey, { error, upstreamStatus: info?.status ?? null });
    throw err;
  }
}

/** The checked request of an earlier attempt Verifone never answered, as fail() stored it; null otherwise. */
function unansweredAttempt(previousError: string | null | undefined): Extract<MoveCheck, { ok: true }> | null {
  if (!previousError?.startsWith("{")) return null;
  try {
    return checkedAttempt((JSON.parse(previousError) as { unanswered?: unknown }).unanswered);
  } catch {
    return null;
  }
}

function checkedAttempt(value: unknown): Extract<MoveCheck, { ok: true }> | null {
  const attempt = value as Extract<MoveCheck, { ok: true }> | null | undefined;
  return attempt?.ok === true && Number.isSafeInteger(attempt.amount) ? attempt : null;
}

type Claim = Omit<idempotency.BeginRequest, "retakeInFlightAfterMs" | "now">;
const pollMs = 100;

/**
 * Claims the key. Another request holding it (a double click, a retry while the first is still waiting for
 * Verifone) is waited for, briefly, so this one answers with its outcome instead of a 409. A holder that has been
 * at it for longer than an upstream attempt can take has died mid-call: its attempt is taken over and resumed.
 */
async function claimKey(ctx: Context, request: Claim): Promise<idempotency.BeginResult> {
  const resumeAfterMs = (ctx.upstreamTimeoutMs ?? 10_000) + 1_000;
  const waitUntil = Date.now() + resumeAfterMs + 1_000;
  for (;;) {
    const claim = await idempotency.begin(ctx.db, { ...request, retakeInFlightAfterMs: resumeAfterMs });
    if (claim.state !== "in_flight" || Date.now() >= waitUntil) return claim;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
