import { checkCapture, checkRefund, parseMajorToMinor } from "@vbo/domain";
import { errorInfo } from "../../api/errorInfo.ts";
import type { TransactionActions } from "./types.ts";

// The rules of the refund / capture / void forms, apart from React: the amount check (the same domain checks the API
// runs before calling Verifone) and the idempotency key's life.

export type AmountCheck = { ok: true; minor: number } | { ok: false; error: string };

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An amount typed in major units ("12.50"), checked as the API will check it: the currency's decimals, more than 0,
 * and at most what can still be refunded (or captured) — refused with the limit, e.g. "At most 12.50 EUR can still
 * be refunded".
 */
export function checkAmount(
  kind: "refund" | "capture",
  text: string,
  actions: TransactionActions,
  currency: string,
): AmountCheck {
  const parsed = parseMajorToMinor(text, currency);
  if (!parsed.ok) return { ok: false, error: sentence(parsed.error) };
  if (parsed.minor === 0) return { ok: false, error: "The amount must be more than 0" };
  const checked =
    kind === "refund" ? checkRefund(actions, parsed.minor, currency) : checkCapture(actions, parsed.minor, currency);
  return checked.ok ? { ok: true, minor: parsed.minor } : { ok: false, error: sentence(checked.message) };
}

/**
 * One money move's idempotency key and the request last sent with it. The key is made when the dialog opens; the
 * same request again (a retry after an unknown outcome) reuses it, so Verifone moves the money at most once; a
 * changed request after a refusal gets a new one (the API refuses one key for two different requests).
 */
export type Attempt = { key: string; sent: string | null };

export function newAttempt(makeKey: () => string = () => crypto.randomUUID()): Attempt {
  return { key: makeKey(), sent: null };
}

/** What a move sends besides the transaction id and the key: refund {amount, reason?}, capture {amount?}, void {}. */
export type MoveRequest = { amount?: number; reason?: string };

/** One text per distinct request (a blank reason is no reason), to tell a retry from a changed request. */
export function requestText(request: MoveRequest): string {
  return JSON.stringify({ amount: request.amount ?? null, reason: request.reason?.trim() || null });
}

/** The attempt to send `request` with: the same key for the same request, a new key for a changed one. */
export function attemptFor(
  attempt: Attempt,
  request: MoveRequest,
  makeKey: () => string = () => crypto.randomUUID(),
): Attempt {
  const body = requestText(request);
  if (attempt.sent === null || attempt.sent === body) return { key: attempt.key, sent: body };
  return { key: makeKey(), sent: body };
}

/**
 * Why a money move did not succeed:
 * - `unknown`: nobody knows whether the money moved (Verifone did not confirm, or the answer never arrived). The page
 *   re-reads the transaction; a retry must send the same request with the same key.
 * - `refused`: it definitely did not happen (the remainder changed, bad input, not allowed…): the message says why.
 */
export type MoveFailure = { kind: "unknown" | "refused"; message: string };

const refusals = new Set(["PRECONDITION_FAILED", "BAD_REQUEST", "CONFLICT", "FORBIDDEN", "UNAUTHORIZED", "NOT_FOUND"]);

export function moveFailure(error: unknown): MoveFailure {
  const info = errorInfo(error);
  if (info.upstream?.outcomeUnknown || !info.code || !refusals.has(info.code)) {
    const why = info.code ? info.message : `the back office did not answer (${info.message})`;
    return { kind: "unknown", message: why };
  }
  if (info.problems.length > 0) {
    return { kind: "refused", message: info.problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("; ") };
  }
  return { kind: "refused", message: sentence(info.message) };
}

/**
 * After an unknown outcome the same request is sent again with the same key, after each of these pauses: the API
 * answers a key it has seen from its idempotency record, or asks Verifone again with that key — which replays the
 * first move if it was made, so the money moves at most once — and audits the outcome it learns.
 */
export const recheckDelaysMs = [500, 1500, 3000];

// Under a key already sent, these mean the move is not made (Verifone replays a made one instead of refusing);
// "in progress" (CONFLICT) or a lost session say nothing about it.
const notMade = new Set(["PRECONDITION_FAILED", "BAD_REQUEST", "NOT_FOUND"]);

/** What a re-sent attempt's error says of the first: the move was not made, or its outcome is still unknown. */
export function recheckFailure(error: unknown): MoveFailure {
  const failure = moveFailure(error);
  const code = errorInfo(error).code;
  return failure.kind === "refused" && code && notMade.has(code) ? failure : { ...failure, kind: "unknown" };
}
