import { describe, expect, it } from "vitest";
import { attemptFor, checkAmount, moveFailure, newAttempt } from "./moneyMove.ts";
import type { TransactionActions } from "./types.ts";

const actions = (refundable: number, capturable = 0): TransactionActions => ({
  refundable,
  capturable,
  voidable: 0,
  voidKind: null,
  reasons: capturable ? {} : { capture: "This payment has already been captured" },
});

describe("the amount typed in a refund or capture form", () => {
  it("is read in the currency's decimals", () => {
    expect(checkAmount("refund", "12.50", actions(5000), "EUR")).toEqual({ ok: true, minor: 1250 });
    expect(checkAmount("refund", "1250", actions(5000), "JPY")).toEqual({ ok: true, minor: 1250 });
    expect(checkAmount("refund", "1.234", actions(5000), "BHD")).toEqual({ ok: true, minor: 1234 });
  });

  it("refuses one cent more than the remainder, naming the limit", () => {
    expect(checkAmount("refund", "12.51", actions(1250), "EUR")).toEqual({
      ok: false,
      error: "At most 12.50 EUR can still be refunded",
    });
    expect(checkAmount("capture", "3.50", actions(0, 300), "EUR")).toEqual({
      ok: false,
      error: "At most 3.00 EUR can still be captured",
    });
  });

  it("refuses zero, negative, too many decimals and text", () => {
    expect(checkAmount("refund", "0.00", actions(1250), "EUR")).toEqual({
      ok: false,
      error: "The amount must be more than 0",
    });
    expect(checkAmount("refund", "-1", actions(1250), "EUR").ok).toBe(false);
    expect(checkAmount("refund", "1.005", actions(1250), "EUR")).toEqual({
      ok: false,
      error: "EUR amounts take at most 2 decimals",
    });
    expect(checkAmount("refund", "1.5", actions(5000), "JPY")).toEqual({
      ok: false,
      error: "JPY amounts take no decimals",
    });
    expect(checkAmount("refund", "ten", actions(1250), "EUR").ok).toBe(false);
  });

  it("says why when nothing can be done at all", () => {
    expect(checkAmount("capture", "1.00", actions(1250), "EUR")).toEqual({
      ok: false,
      error: "This payment has already been captured",
    });
  });
});

describe("the idempotency key of a money move", () => {
  let n = 0;
  const makeKey = () => `key-${++n}`;

  it("is made when the dialog opens and sent with the first request", () => {
    const opened = newAttempt(makeKey);
    const first = attemptFor(opened, { amount: 500 }, makeKey);
    expect(first.key).toBe(opened.key);
  });

  it("is reused for the same request again (a retry after an unknown outcome)", () => {
    const first = attemptFor(newAttempt(makeKey), { amount: 500, reason: "damaged" }, makeKey);
    const retry = attemptFor(first, { amount: 500, reason: " damaged " }, makeKey);
    expect(retry.key).toBe(first.key);
  });

  it("is new when the request changed after a refusal (one key never carries two requests)", () => {
    const first = attemptFor(newAttempt(makeKey), { amount: 500 }, makeKey);
    const changed = attemptFor(first, { amount: 400 }, makeKey);
    expect(changed.key).not.toBe(first.key);
    expect(attemptFor(changed, { amount: 400 }, makeKey).key).toBe(changed.key);
    expect(attemptFor(changed, { amount: 400, reason: "late" }, makeKey).key).not.toBe(changed.key);
  });
});

describe("why a money move failed", () => {
  const trpcError = (code: string, message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(message), { data: { code, ...extra } });

  it("an upstream write nobody confirmed is an unknown outcome", () => {
    const error = trpcError("GATEWAY_TIMEOUT", "Verifone did not confirm the refund (HTTP 504)", {
      upstream: { status: 504, message: "x", retryable: true, outcomeUnknown: true },
    });
    expect(moveFailure(error)).toEqual({ kind: "unknown", message: "Verifone did not confirm the refund (HTTP 504)" });
  });

  it("so is an answer that never arrived, or a server failure", () => {
    expect(moveFailure(new TypeError("Failed to fetch")).kind).toBe("unknown");
    expect(moveFailure(trpcError("INTERNAL_SERVER_ERROR", "Internal error")).kind).toBe("unknown");
  });

  it("a refusal is definite, with the server's words or its problems by field", () => {
    expect(moveFailure(trpcError("PRECONDITION_FAILED", "at most 1.00 EUR can still be refunded"))).toEqual({
      kind: "refused",
      message: "At most 1.00 EUR can still be refunded",
    });
    const bad = trpcError("BAD_REQUEST", "[...]", {
      problems: [{ path: ["amount"], message: "amount must be more than 0" }],
    });
    expect(moveFailure(bad)).toEqual({ kind: "refused", message: "amount: amount must be more than 0" });
    expect(moveFailure(trpcError("CONFLICT", "already in progress")).kind).toBe("refused");
  });
});
