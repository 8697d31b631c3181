import { TRPCError } from "@trpc/server";
import { VerifoneApiError, VerifoneRequestError, VerifoneUnavailableError } from "@vbo/verifone";

export type Problem = { path: (string | number)[]; message: string };
export type UpstreamInfo = {
  status: number | null;
  message: string;
  retryable: boolean;
  /** A write Verifone did not confirm either way. */
  outcomeUnknown?: boolean;
};

/** Carried as a TRPCError's cause so the error formatter can tell the browser what Verifone said. */
export class UpstreamFailure extends Error {
  constructor(readonly info: UpstreamInfo) {
    super(info.message);
  }
}

/** Verifone's answer → the tRPC error the dashboard understands. Status, message and details are kept. */
export function toTRPCError(err: unknown): TRPCError {
  if (err instanceof TRPCError) return err;
  if (err instanceof VerifoneApiError) {
    const info = { status: err.status, message: err.upstreamMessage, retryable: err.retryable };
    const cause = new UpstreamFailure(info);
    if (err.status === 400)
      return new TRPCError({
        code: "BAD_REQUEST",
        message: `Verifone refused the request: ${err.upstreamMessage}`,
        cause,
      });
    if (err.status === 404)
      return new TRPCError({ code: "NOT_FOUND", message: err.upstreamMessage || "Not found at Verifone", cause });
    if (err.status === 401 || err.status === 403) {
      const message = `Verifone refused our credentials (${err.status}): check VERIFONE_USER_ID and VERIFONE_API_KEY`;
      return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message, cause });
    }
    const code = err.status === 504 ? "GATEWAY_TIMEOUT" : "BAD_GATEWAY";
    return new TRPCError({ code, message: `Verifone failed (${err.status}): ${err.upstreamMessage}`, cause });
  }
  if (err instanceof VerifoneRequestError) {
    // Refused by the client before any call: a problem at the named field.
    const cause = Object.assign(new Error(err.message), { issues: [{ path: [err.field], message: err.message }] });
    return new TRPCError({ code: "BAD_REQUEST", message: err.message, cause });
  }
  if (err instanceof VerifoneUnavailableError) {
    const info = { status: null, message: err.message, retryable: true };
    const code = err.reason === "timeout" ? "GATEWAY_TIMEOUT" : "BAD_GATEWAY";
    return new TRPCError({
      code,
      message: `Verifone could not be reached: ${err.message}`,
      cause: new UpstreamFailure(info),
    });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: "Internal error",
    cause: err instanceof Error ? err : undefined,
  });
}

type IssueLike = { path?: readonly PropertyKey[] | readonly { key: PropertyKey }[]; message: string };

function hasIssues(value: unknown): value is { issues: IssueLike[] } {
  return typeof value === "object" && value !== null && Array.isArray((value as { issues?: unknown }).issues);
}

/** Validation issues (zod / standard-schema) as `{path, message}` so the UI can show each next to its field. */
export function problemsOf(error: TRPCError): Problem[] | undefined {
  if (error.code !== "BAD_REQUEST" || !hasIssues(error.cause)) return undefined;
  return error.cause.issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => {
      const key = typeof p === "object" && p !== null && "key" in p ? p.key : p;
      return typeof key === "number" ? key : String(key);
    }),
    message: issue.message,
  }));
}

export function upstreamOf(error: TRPCError): UpstreamInfo | undefined {
  return error.cause instanceof UpstreamFailure ? error.cause.info : undefined;
}

/** A problem's field as people write it: `filters[0].value`, `changes.expiry_month`. */
function fieldLabel(path: Problem["path"]): string {
  return path.reduce<string>(
    (label, p) => (typeof p === "number" ? `${label}[${p}]` : label ? `${label}.${p}` : p),
    "",
  );
}

/**
 * Problems as one readable sentence per field: "amount must be more than 0; idempotencyKey must be a UUID". A rule's
 * text that does not name its field gets the field in front ("limit: Invalid input: expected number").
 */
export function problemsSentence(problems: readonly Problem[]): string {
  return problems
    .map(({ path, message }) => {
      const label = fieldLabel(path);
      const last = path.at(-1);
      const named = typeof last === "string" && message.split(/\W+/).includes(last);
      return !label || named ? message : `${label}: ${message}`;
    })
    .join("; ");
}
