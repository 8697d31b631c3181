import { describe, expect, it } from "vitest";
import { errorHeadline, errorInfo } from "./errorInfo.ts";

/** Shaped as TRPCClientError is on the browser: message plus the server's formatted `data`. */
function trpcError(message: string, data: unknown) {
  return Object.assign(new Error(message), { data });
}

describe("errorInfo", () => {
  it("says what Verifone answered when the upstream failed", () => {
    const info = errorInfo(
      trpcError("Verifone failed (504): Gateway Timeout", {
        code: "GATEWAY_TIMEOUT",
        upstream: { status: 504, message: "Gateway Timeout", retryable: true },
      }),
    );
    expect(info.upstream).toEqual({ status: 504, message: "Gateway Timeout", retryable: true, outcomeUnknown: false });
    expect(errorHeadline(info)).toBe("Verifone answered 504: Gateway Timeout");
  });

  it("says Verifone did not answer when there is no upstream status", () => {
    const info = errorInfo(
      trpcError("x", { code: "BAD_GATEWAY", upstream: { status: null, message: "socket hang up", retryable: true } }),
    );
    expect(errorHeadline(info)).toBe("Verifone did not answer: socket hang up");
  });

  it("says when Verifone did not confirm a write either way", () => {
    const info = errorInfo(
      trpcError("Verifone did not confirm the refund (timeout)", {
        code: "GATEWAY_TIMEOUT",
        upstream: { status: null, message: "timeout", retryable: true, outcomeUnknown: true },
      }),
    );
    expect(info.upstream?.outcomeUnknown).toBe(true);
  });

  it("keeps the problems of a BAD_REQUEST with their paths, dropping malformed ones", () => {
    const info = errorInfo(
      trpcError("bad", {
        code: "BAD_REQUEST",
        problems: [{ path: ["filters", 2, "value"], message: "amount takes a number" }, { nonsense: true }],
      }),
    );
    expect(info.code).toBe("BAD_REQUEST");
    expect(info.problems).toEqual([{ path: ["filters", 2, "value"], message: "amount takes a number" }]);
  });

  it("reads a network failure (no data) as the API being unreachable", () => {
    const info = errorInfo(new TypeError("Failed to fetch"));
    expect(info).toEqual({ code: null, message: "Failed to fetch", problems: [], upstream: null });
    expect(errorHeadline(info)).toBe("The back-office API could not be reached: Failed to fetch");
  });
});
