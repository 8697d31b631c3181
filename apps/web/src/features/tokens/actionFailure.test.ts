import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { actionFailure } from "./actionFailure.ts";

/** The error the tRPC client raises for an API error answer (plain JSON, as on the wire). */
function apiError(code: string, message: string, data: Record<string, unknown> = {}) {
  return TRPCClientError.from({ error: { message, code: -32000, data: { code, ...data } } });
}

describe("a failed token action", () => {
  it("is an unknown outcome when Verifone did not confirm the write", () => {
    const error = apiError("GATEWAY_TIMEOUT", "Verifone did not confirm the suspension (timeout)", {
      upstream: { status: null, message: "timeout", retryable: true, outcomeUnknown: true },
    });
    expect(actionFailure(error).kind).toBe("outcomeUnknown");
  });

  it("is a state change when the token moved on meanwhile or is gone", () => {
    expect(actionFailure(apiError("PRECONDITION_FAILED", "This token is already deleted"))).toEqual({
      kind: "stateChanged",
      message: "This token is already deleted",
      problems: [],
    });
    expect(actionFailure(apiError("NOT_FOUND", "No token with this id")).kind).toBe("stateChanged");
  });

  it("is an ordinary failure otherwise, in the server's words (its problems, not a JSON dump)", () => {
    const refused = apiError("BAD_REQUEST", '[{"code":"custom"}]', {
      problems: [{ path: ["reason"], message: "say why, in a few words" }],
    });
    expect(actionFailure(refused)).toEqual({
      kind: "failed",
      message: "say why, in a few words",
      problems: [{ path: ["reason"], message: "say why, in a few words" }],
    });
    const upstream = apiError("BAD_GATEWAY", "Verifone failed (502)", {
      upstream: { status: 502, message: "Bad gateway", retryable: true },
    });
    expect(actionFailure(upstream)).toMatchObject({ kind: "failed", message: "Verifone answered 502: Bad gateway" });
  });

  it("is an unknown outcome when the back office's answer never arrived", () => {
    expect(actionFailure(new TypeError("Failed to fetch"))).toEqual({
      kind: "outcomeUnknown",
      message: "The back office did not answer: Failed to fetch",
      problems: [],
    });
  });
});
