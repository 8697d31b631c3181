import type { Dispatcher } from "undici";
import { checkedOrigin } from "../regions.ts";
import { createThreeDSClient, type ThreeDSClient } from "./threeDS.ts";
import { createTokensClient, type TokensClient } from "./tokens.ts";
import { createTransactionsClient, type TransactionsClient } from "./transactions.ts";
import { createTransport, type Logger } from "./transport.ts";

export type VerifoneClientOptions = {
  /** Host origin, e.g. https://emea.gsc.verifone.cloud (see resolveBaseUrl) or http://127.0.0.1:3100 for the sandbox. */
  baseUrl: string;
  userId: string;
  apiKey: string;
  /** Per attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /** A read's total time across its retries (VERIFONE_READ_DEADLINE_MS). Default: no limit beyond the attempts'. */
  readDeadlineMs?: number;
  /** Extra attempts for reads after a retryable failure. Default 2. Writes are never retried. */
  retries?: number;
  /** First backoff delay before a retry (jittered, exponential). Default 200 ms. */
  retryBaseDelayMs?: number;
  /** Longest backoff delay. Default 2 000 ms. */
  retryMaxDelayMs?: number;
  /** The HTTP connection pool (undici); by default one keep-alive pool per client. */
  dispatcher?: Dispatcher;
  logger?: Logger;
};

export type VerifoneClient = { threeDS: ThreeDSClient; transactions: TransactionsClient; tokens: TokensClient };

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`Verifone client: ${name} must be an integer ≥ 0`);
  return value;
}

export function createVerifoneClient(options: VerifoneClientOptions): VerifoneClient {
  if (!options.userId) throw new Error("Verifone client: userId is required");
  if (!options.apiKey) throw new Error("Verifone client: apiKey is required");
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError("Verifone client: timeoutMs must be ≥ 1");
  const transport = createTransport({
    baseUrl: checkedOrigin(options.baseUrl),
    userId: options.userId,
    apiKey: options.apiKey,
    timeoutMs,
    ...(options.readDeadlineMs ? { readDeadlineMs: nonNegativeInteger("readDeadlineMs", options.readDeadlineMs) } : {}),
    retries: nonNegativeInteger("retries", options.retries ?? 2),
    retryBaseDelayMs: nonNegativeInteger("retryBaseDelayMs", options.retryBaseDelayMs ?? 200),
    retryMaxDelayMs: nonNegativeInteger("retryMaxDelayMs", options.retryMaxDelayMs ?? 2_000),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    threeDS: createThreeDSClient(transport),
    transactions: createTransactionsClient(transport),
    tokens: createTokensClient(transport),
  };
}
