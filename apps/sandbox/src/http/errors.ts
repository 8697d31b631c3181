import type { ErrorRequestHandler, Response } from "express";

/** Verifone's error body (`ErrorResponse` in the OpenAPI): `code` repeats the HTTP status, `timestamp` is epoch ms. */
export type VerifoneErrorBody = { code: number; message: string; details: Record<string, unknown>; timestamp: number };

export const statusText: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Time-out",
};

export function errorBody(status: number, message?: string, details: Record<string, unknown> = {}): VerifoneErrorBody {
  return { code: status, message: message ?? statusText[status] ?? "Error", details, timestamp: Date.now() };
}

export function sendError(res: Response, status: number, message?: string, details?: Record<string, unknown>): void {
  res.status(status).json(errorBody(status, message, details));
}

/** Writes an error in one API family's shape: `sendError` (3DS) or `sendEcommerceError` (eCommerce). */
export type ErrorSender = typeof sendError;

/** Thrown by route handlers; the error handler turns it into Verifone's shape. */
export class VerifoneError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type ParameterProblem = { parameter: string; message: string };

/** One 400 naming every bad parameter; `message` leads with the first. Values are never echoed (they may be card data). */
export function invalidParameters(problems: readonly ParameterProblem[]): VerifoneError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  const message = first ? `Invalid parameter "${first.parameter}": ${first.message}${more}` : "Invalid parameters";
  return new VerifoneError(400, message, { errors: problems });
}

export const verifoneErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof VerifoneError) return sendError(res, err.status, err.message, err.details);
  const status = (err as { status?: unknown }).status;
  if ((err as { type?: unknown }).type === "entity.parse.failed")
    return sendError(res, 400, "Request body is not valid JSON", {
      errors: [{ parameter: "body", message: "is not valid JSON" }],
    });
  if (typeof status === "number" && status >= 400 && status < 500)
    return sendError(res, status, (err as Error).message);
  sendError(res, 500);
};
