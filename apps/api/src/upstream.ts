import { TRPCError } from "@trpc/server";
import { VerifoneApiError, VerifoneUnavailableError } from "@vbo/verifone";
import { toTRPCError, UpstreamFailure } from "./errors.ts";

/** A read from Verifone, its failures mapped to the tRPC errors the dashboard understands. */
export async function upstream<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toTRPCError(err);
  }
}

/**
 * A write to Verifone. If Verifone did not answer (timeout, dropped connection, unreadable answer) nobody knows
 * whether the change happened: say so, so the dashboard re-reads instead of guessing.
 */
export async function upstreamWrite<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    // A 5xx may come after the change was made: as unknown as no answer at all.
    const unconfirmed =
      err instanceof VerifoneUnavailableError
        ? err.reason
        : err instanceof VerifoneApiError && err.status >= 500
          ? `HTTP ${err.status}`
          : null;
    if (unconfirmed) {
      const message = `Verifone did not confirm the ${what} (${unconfirmed}): the outcome is unknown — read it again before retrying`;
      throw new TRPCError({
        code: "GATEWAY_TIMEOUT",
        message,
        cause: new UpstreamFailure({
          status: err instanceof VerifoneApiError ? err.status : null,
          message,
          retryable: true,
          outcomeUnknown: true,
        }),
      });
    }
    throw toTRPCError(err);
  }
}
