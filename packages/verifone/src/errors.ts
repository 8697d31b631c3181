// Errors of the Verifone client. Messages carry the method, path (never the query string), status and Verifone's own
// message — never the Authorization header, the API key, or request bodies.

/** Verifone answered with an HTTP error status; its status, message and details are kept as sent. */
export class VerifoneApiError extends Error {
  override readonly name = "VerifoneApiError";
  readonly status: number;
  /** Verifone's 3-digit error code, when the body carried one. */
  readonly code?: number;
  readonly upstreamMessage: string;
  readonly details?: unknown;
  /** 5xx (including 504) may succeed when tried again; 4xx will not. */
  readonly retryable: boolean;

  constructor(init: { status: number; code?: number; upstreamMessage: string; details?: unknown; where: string }) {
    super(`Verifone answered ${init.status} to ${init.where}: ${init.upstreamMessage}`);
    this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    this.upstreamMessage = init.upstreamMessage;
    if (init.details !== undefined) this.details = init.details;
    this.retryable = init.status >= 500;
  }
}

export type UnavailableReason = "timeout" | "network" | "malformed";

/** Verifone could not be reached, did not answer in time, or answered with a body that is not what it documents. */
export class VerifoneUnavailableError extends Error {
  override readonly name = "VerifoneUnavailableError";
  readonly reason: UnavailableReason;
  readonly retryable = true as const;

  constructor(reason: UnavailableReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** Whether an error is one a read may be retried after. */
export function isRetryable(error: unknown): boolean {
  return (error instanceof VerifoneApiError || error instanceof VerifoneUnavailableError) && error.retryable;
}

/**
 * The client refused a request before calling Verifone: an argument it knows Verifone would reject (a reuse token of
 * the wrong length, an amount that is not whole minor units, a missing idempotency key). `field` names the argument.
 * A TypeError, like the query encoders' refusals.
 */
export class VerifoneRequestError extends TypeError {
  override readonly name = "VerifoneRequestError";
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
