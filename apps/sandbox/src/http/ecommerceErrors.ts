import type { ErrorRequestHandler, Response } from "express";
import { statusText, VerifoneError } from "./errors.ts";

/**
 * The eCommerce API's error body (`BadRequestV2Docs`, `NotFoundV2Docs`, … in ecommerce-api.json). It differs from the
 * 3DS one: `message` is a FIXED text per status (the spec enumerates exactly one value), so everything specific lives
 * in `details`, an object whose values are objects. Parameter problems are keyed the way the fixed 400 text
 * describes — prefixed `body.`, `query.` or `params.` (and `headers.` for the idempotency key) — each
 * `{ message, ...facts }`; anything else is under `reason`. `reversal_status` is always `NONE` here.
 */
export type EcommerceErrorBody = {
  code: number;
  message: string;
  details: Record<string, Record<string, unknown>>;
  timestamp: number;
  reversal_status: "NONE";
};

export const ecommerceMessages: Readonly<Record<number, string>> = {
  400:
    "At least one parameter is invalid. Examine the details property for more information. Invalid parameters are " +
    "listed and prefixed accordingly: body for parameters submitted in the requests body, query for parameters " +
    "appended to the requests URL, and params for templated parameters of the requests URL.",
  401:
    "Access is restricted to authenticated users only. The query can't be made without a valid JWT token (check the " +
    "Authorization header of your request).",
  403:
    "Insufficient permissions. Your current user roles don't allow you to perform this query. Should you believe " +
    "this error to be incorrect, please contact an administrator.",
  404:
    "The requested resource, or one of its sub-resources, can't be found. If the submitted query is valid, this " +
    "error is likely to be caused by a problem with a nested resource that has been deleted or modified. Check the " +
    "details property for additional insights.",
  500:
    "Unexpected error: if the error persists, please contact an administrator, quoting the code and timestamp of " +
    "this error",
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Fits any details into the spec's `{ [key]: object }`: objects stay, `errors: [{parameter, message}]` spread out. */
function normalise(
  details: Record<string, unknown>,
  message: string | undefined,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(details)) {
    if (isPlainObject(value)) out[key] = value;
    else if (key === "errors" && Array.isArray(value)) {
      for (const e of value as { parameter: string; message: string }[]) out[e.parameter] = { message: e.message };
    } else out[key] = { value };
  }
  if (Object.keys(out).length === 0 && message) out.reason = { message };
  return out;
}

export function ecommerceErrorBody(
  status: number,
  message?: string,
  details: Record<string, unknown> = {},
): EcommerceErrorBody {
  return {
    code: status,
    message: ecommerceMessages[status] ?? message ?? statusText[status] ?? "Error",
    details: normalise(details, message),
    timestamp: Date.now(),
    reversal_status: "NONE",
  };
}

export function sendEcommerceError(
  res: Response,
  status: number,
  message?: string,
  details?: Record<string, unknown>,
): void {
  res.status(status).json(ecommerceErrorBody(status, message, details));
}

export function ecommerceErrorOf(err: unknown): { status: number; body: EcommerceErrorBody } {
  if (err instanceof VerifoneError)
    return { status: err.status, body: ecommerceErrorBody(err.status, err.message, err.details) };
  if ((err as { type?: unknown }).type === "entity.parse.failed")
    return { status: 400, body: ecommerceErrorBody(400, undefined, { body: { message: "is not valid JSON" } }) };
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500)
    return { status, body: ecommerceErrorBody(status, (err as Error).message) };
  return { status: 500, body: ecommerceErrorBody(500) };
}

export const ecommerceErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (res.headersSent) return;
  const { status, body } = ecommerceErrorOf(err);
  res.status(status).json(body);
};
