// One HTTP exchange with Verifone: Basic auth, a per-attempt timeout, JSON in and out, errors mapped to the typed
// errors of ../errors.ts. `read` retries (GETs are idempotent); `write` never does — a retried refund could move money
// twice, so writes rely on the idempotency key travelling end to end instead.
import { STATUS_CODES } from "node:http";
import { decorrelatedJitterGenerator, ExponentialBackoff, handleWhen, retry } from "cockatiel";
import { Agent, type Dispatcher } from "undici";
import { isRetryable, VerifoneApiError, VerifoneUnavailableError } from "../errors.ts";

export type Logger = { warn(obj: Record<string, unknown>, msg: string): void };

export type RequestOptions = { requestId?: string; signal?: AbortSignal };

export type TransportOptions = {
  baseUrl: string;
  userId: string;
  apiKey: string;
  timeoutMs: number;
  /** Total time a read may take across all its attempts and backoffs; none when absent. */
  readDeadlineMs?: number;
  retries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Keep-alive connection pool to Verifone (undici's request: far less per-call work than WHATWG fetch). */
  dispatcher?: Dispatcher;
  logger?: Logger;
};

export type Transport = {
  /**
   * GET `path` (relative to baseUrl, may carry a query string), retried on retryable failures. `parse` checks the
   * body's shape inside the attempt (throwing VerifoneUnavailableError "malformed"), so a garbled answer is retried too.
   */
  read<T>(path: string, parse: (body: unknown) => T, options?: RequestOptions): Promise<T>;
  /** A single attempt of a state-changing call: never retried. */
  write(
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body: unknown,
    options?: RequestOptions & { idempotencyKey?: string },
  ): Promise<unknown>;
};

type Exchange = { method: string; path: string; body?: unknown; headers?: Record<string, string> };

function describe(exchange: Exchange): string {
  return `${exchange.method} ${exchange.path.split("?")[0]}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function apiError(status: number, statusText: string, text: string, where: string): VerifoneApiError {
  const parsed = parseJson(text);
  const body =
    parsed.ok && parsed.value && typeof parsed.value === "object" ? (parsed.value as Record<string, unknown>) : {};
  const message = typeof body.message === "string" && body.message !== "" ? body.message : null;
  const fallback = text.trim().slice(0, 200) || statusText || "no message";
  return new VerifoneApiError({
    status,
    ...(typeof body.code === "number" ? { code: body.code } : {}),
    upstreamMessage: message ?? fallback,
    ...(body.details !== undefined ? { details: body.details } : {}),
    where,
  });
}

export function createTransport(options: TransportOptions): Transport {
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 256 });
  // The base URL may carry a path prefix (a proxy in front of Verifone): undici wants origin and path apart.
  const base = new URL(options.baseUrl);
  const pathPrefix = base.pathname.replace(/\/+$/, "");
  // Normalised as a browser or fetch would send it (e.g. `>` in `amount>=` goes as %3E).
  const requestPath = (path: string) => {
    const url = new URL(`${pathPrefix}${path}`, base.origin);
    return url.pathname + url.search;
  };
  const authorization = `Basic ${Buffer.from(`${options.userId}:${options.apiKey}`).toString("base64")}`;

  async function once(exchange: Exchange, callerSignal: AbortSignal | undefined, requestId?: string) {
    const where = describe(exchange);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: "application/json", authorization, ...exchange.headers };
    if (requestId) headers["x-request-id"] = requestId;
    if (exchange.body !== undefined) headers["content-type"] = "application/json";

    let status: number;
    let statusText: string;
    let text: string;
    try {
      const response = await dispatcher.request({
        origin: base.origin,
        path: requestPath(exchange.path),
        method: exchange.method as Dispatcher.HttpMethod,
        headers,
        body: exchange.body === undefined ? null : JSON.stringify(exchange.body),
        signal,
      });
      status = response.statusCode;
      statusText = STATUS_CODES[status] ?? "";
      text = await response.body.text();
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason; // the caller gave up: not Verifone's failure
      if (timeout.aborted) {
        throw new VerifoneUnavailableError(
          "timeout",
          `Verifone did not answer ${where} within ${options.timeoutMs} ms`,
        );
      }
      const cause =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new VerifoneUnavailableError("network", `Verifone could not be reached for ${where}: ${cause}`);
    }
    if (status < 200 || status > 299) throw apiError(status, statusText, text, where);
    if (status === 204 || text === "") return undefined;
    const parsed = parseJson(text);
    if (!parsed.ok)
      throw new VerifoneUnavailableError("malformed", `Verifone answered ${where} with a body that is not JSON`);
    return parsed.value;
  }

  const readPolicy = retry(handleWhen(isRetryable), {
    maxAttempts: options.retries,
    backoff: new ExponentialBackoff({
      generator: decorrelatedJitterGenerator,
      initialDelay: options.retryBaseDelayMs,
      maxDelay: options.retryMaxDelayMs,
    }),
  });
  readPolicy.onRetry((event) => {
    const error = "error" in event ? event.error : undefined;
    options.logger?.warn(
      {
        attempt: event.attempt,
        delayMs: Math.round(event.delay),
        status: error instanceof VerifoneApiError ? error.status : undefined,
        reason: error instanceof VerifoneUnavailableError ? error.reason : undefined,
        error: error instanceof Error ? error.message : undefined,
      },
      "retrying a Verifone read",
    );
  });

  return {
    async read(path, parse, opts = {}) {
      const deadlineMs = options.readDeadlineMs;
      const deadline = deadlineMs ? AbortSignal.timeout(deadlineMs) : undefined;
      const caller = opts.signal;
      const signal = deadline && caller ? AbortSignal.any([caller, deadline]) : (deadline ?? caller);
      const attempt = async () => parse(await once({ method: "GET", path }, signal, opts.requestId));
      try {
        return await readPolicy.execute(attempt, signal);
      } catch (error) {
        if (deadline?.aborted && !caller?.aborted) {
          const where = describe({ method: "GET", path });
          throw new VerifoneUnavailableError(
            "timeout",
            `Verifone did not answer ${where} within the read deadline of ${deadlineMs} ms`,
          );
        }
        throw error;
      }
    },
    write(method, path, body, opts = {}) {
      const headers = opts.idempotencyKey ? { "x-vfi-api-idempotencykey": opts.idempotencyKey } : undefined;
      return once({ method, path, body, ...(headers ? { headers } : {}) }, opts.signal, opts.requestId);
    },
  };
}
