// The token management API: PUT /api/v2/card, GET | PATCH | DELETE /api/v2/card/{id},
// PATCH /api/v2/card/{id}/suspend | activate. Suspend, activate and delete answer 204 with no body; the caller reads
// the token again to show it. Every reuse token is checked (14–255 characters) before any call.

import { VerifoneRequestError } from "../errors.ts";
import type { TokenDetails, TokenPutRequest, TokenPutResult, TokenUpdate, TokenUpdateResult } from "../types.ts";
import { isObject, noContent, objectBody } from "./bodyShape.ts";
import { checkedReuseToken, optionalIdempotencyKey } from "./requestChecks.ts";
import type { RequestOptions, Transport } from "./transport.ts";

const card = "/oidc/api/v2/card";

/** Token changes may carry an idempotency key (a UUID); it is sent as `x-vfi-api-idempotencykey`. */
export type TokenWriteOptions = RequestOptions & { idempotencyKey?: string };

export type TokensClient = {
  get(reuseToken: string, options?: RequestOptions): Promise<TokenDetails>;
  suspend(reuseToken: string, options?: TokenWriteOptions): Promise<void>;
  activate(reuseToken: string, options?: TokenWriteOptions): Promise<void>;
  update(reuseToken: string, changes: TokenUpdate, options?: TokenWriteOptions): Promise<TokenUpdateResult>;
  /** Irreversible (per Verifone). */
  delete(reuseToken: string, options?: TokenWriteOptions): Promise<void>;
  /** Creates a token for the encrypted card, or updates the one that card already has. */
  put(body: TokenPutRequest, options?: TokenWriteOptions): Promise<TokenPutResult>;
};

function writeOptions(options: TokenWriteOptions = {}) {
  const idempotencyKey = optionalIdempotencyKey(options.idempotencyKey);
  return { ...options, ...(idempotencyKey ? { idempotencyKey } : {}) };
}

const tokenPath = (reuseToken: string, action = "") =>
  `${card}/${encodeURIComponent(checkedReuseToken(reuseToken))}${action}`;

export function createTokensClient(transport: Transport): TokensClient {
  return {
    async get(reuseToken, options) {
      return transport.read(tokenPath(reuseToken), objectBody<TokenDetails>(`GET ${card}/{id}`), options);
    },
    async suspend(reuseToken, options) {
      const answer = await transport.write(
        "PATCH",
        tokenPath(reuseToken, "/suspend"),
        undefined,
        writeOptions(options),
      );
      noContent(`PATCH ${card}/{id}/suspend`)(answer);
    },
    async activate(reuseToken, options) {
      const answer = await transport.write(
        "PATCH",
        tokenPath(reuseToken, "/activate"),
        undefined,
        writeOptions(options),
      );
      noContent(`PATCH ${card}/{id}/activate`)(answer);
    },
    async update(reuseToken, changes, options) {
      if (!isObject(changes)) throw new VerifoneRequestError("changes", "the token changes must be an object");
      const answer = await transport.write("PATCH", tokenPath(reuseToken), changes, writeOptions(options));
      return objectBody<TokenUpdateResult>(`PATCH ${card}/{id}`)(answer);
    },
    async delete(reuseToken, options) {
      const answer = await transport.write("DELETE", tokenPath(reuseToken), undefined, writeOptions(options));
      noContent(`DELETE ${card}/{id}`)(answer);
    },
    async put(body, options) {
      const answer = await transport.write("PUT", card, body, writeOptions(options));
      return objectBody<TokenPutResult>(`PUT ${card}`)(answer);
    },
  };
}
