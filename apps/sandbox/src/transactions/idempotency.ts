import type { Request } from "express";
import { isUuid } from "../ecommerce/bodyReader.ts";
import { invalid, refused } from "../ecommerce/problems.ts";
import { ecommerceErrorOf } from "../http/ecommerceErrors.ts";

/**
 * `x-vfi-api-idempotencykey` on the card payment and on refund / capture / void / void_capture. The first outcome of
 * a key is kept — a success or a refusal by the state machine — and a repeat of the same request (same method, path
 * and JSON body, key order ignored) gets exactly that answer again, with `idempotent-replayed: true`, and moves no
 * money. The same key on a different request is a 400. Requests refused before they reach the state machine (bad
 * parameters) are not kept, so a corrected retry may reuse the key. Node runs each handler to completion, so two
 * concurrent requests with one key cannot both act.
 */
export const idempotencyHeader = "x-vfi-api-idempotencykey";
const headerAt = `headers.${idempotencyHeader}`;

export type Outcome = { status: number; body: unknown };
type Entry = { fingerprint: string; outcome: Outcome };

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The key of a request, or undefined; a key that is not a UUID (the spec's format) is a 400. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get(idempotencyHeader);
  if (key === undefined) return undefined;
  if (!isUuid(key.trim())) throw invalid([{ at: headerAt, message: "must be a UUID" }]);
  return key.trim().toLowerCase();
}

export class IdempotencyBook {
  readonly #entries = new Map<string, Entry>();

  /**
   * Runs `act` once per key. `act` returns the success outcome or throws; a thrown VerifoneError (a refusal) is kept
   * as the outcome too.
   */
  run(key: string | undefined, req: Request, body: unknown, act: () => Outcome): Outcome & { replayed: boolean } {
    const perform = (): Outcome => {
      try {
        return act();
      } catch (err) {
        return ecommerceErrorOf(err);
      }
    };
    if (key === undefined) return { ...perform(), replayed: false };
    const fingerprint = `${req.method} ${req.originalUrl.split("?")[0]} ${canonical(body ?? {})}`;
    const entry = this.#entries.get(key);
    if (entry) {
      if (entry.fingerprint !== fingerprint)
        throw refused(headerAt, "was already used for a different request (another path or body)");
      return { ...entry.outcome, replayed: true };
    }
    const outcome = perform();
    if (outcome.status < 500) this.#entries.set(key, { fingerprint, outcome });
    return { ...outcome, replayed: false };
  }

  get size(): number {
    return this.#entries.size;
  }
}
