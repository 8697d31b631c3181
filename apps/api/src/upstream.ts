import { TRPCError } from "@trpc/server";
import { VerifoneUnavailableError } from "@vbo/verifone";
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
    if (err instanceof VerifoneUnavailableError) {
      const message = `Verifone did not confirm the ${what} (${err.reason}): the outcome is unknown — read it again before retrying`;
      throw new TRPCError({
        code: "GATEWAY_TIMEOUT",
        message,
        cause: new UpstreamFailure({ status: null, message, retryable: true, outcomeUnknown: true }),
      });
    }
    throw toTRPCError(err);
  }
}
