// The eCommerce transactions API: GET /api/v2/transactions (list), /api/v2/transactions/count,
// /api/v2/transaction/{id} (singular "transaction"!), and the money moves POST /api/v2/transactions/{id}/refund |
// capture | void | void_capture. Reads retry; money moves are single attempts carrying the caller's idempotency key,
// so a timeout on one is a VerifoneUnavailableError "timeout": the outcome is unknown, retry only with the same key.

import type { Filter } from "../fields/fieldSpec.ts";
import { encodeTransactionsQuery, type TransactionsQuery } from "../query/encodeTransactionsQuery.ts";
import type { CaptureRequest, PaymentActionResult, RefundRequest, Transaction, TransactionListItem } from "../types.ts";
import { countBody, listBody, objectBody, withQuery } from "./bodyShape.ts";
import { checkedId, checkedIdempotencyKey, checkedMinorAmount } from "./requestChecks.ts";
import type { RequestOptions, Transport } from "./transport.ts";

const list = "/oidc/api/v2/transactions";
const one = "/oidc/api/v2/transaction";

/** Options of a money move: the idempotency key (a UUID) is required. */
export type MoneyMoveOptions = RequestOptions & { idempotencyKey: string };

export type TransactionsClient = {
  /** `skip` counts records and must be a multiple of `limit` (Verifone skips pages here; see encodeTransactionsQuery). */
  list(query?: TransactionsQuery, options?: RequestOptions): Promise<TransactionListItem[]>;
  count(query?: { filters?: readonly Filter[] }, options?: RequestOptions): Promise<number>;
  get(id: string, options?: RequestOptions): Promise<Transaction>;
  /** Refunds `amount` minor units of a captured payment. */
  refund(id: string, body: RefundRequest, options: MoneyMoveOptions): Promise<PaymentActionResult>;
  /** Captures `amount` minor units of an authorisation (the spec requires the amount). */
  capture(id: string, body: CaptureRequest, options: MoneyMoveOptions): Promise<PaymentActionResult>;
  /** Voids (cancels) an authorisation hold. */
  void(id: string, options: MoneyMoveOptions): Promise<PaymentActionResult>;
  /** Voids a captured payment not yet settled — always its full amount (the spec allows no partial void_capture). */
  voidCapture(id: string, options: MoneyMoveOptions): Promise<PaymentActionResult>;
  /**
   * What an idempotency key created (GET /api/v2/transactions?x-vfi-api-idempotencykey=…, within the last 7 days —
   * the list's default window): how a money move whose answer was lost learns its outcome.
   */
  createdWith(idempotencyKey: string, options?: RequestOptions): Promise<TransactionListItem[]>;
};

function moveOptions(options: MoneyMoveOptions) {
  // Checked here, not left to the transport: a move without a key must never reach Verifone.
  return { ...options, idempotencyKey: checkedIdempotencyKey(options?.idempotencyKey) };
}

export function createTransactionsClient(transport: Transport): TransactionsClient {
  async function move(action: string, id: string, body: unknown, options: MoneyMoveOptions) {
    const path = `${list}/${encodeURIComponent(checkedId("id", id))}/${action}`;
    const answer = await transport.write("POST", path, body, moveOptions(options));
    return objectBody<PaymentActionResult>(`POST ${list}/{id}/${action}`)(answer);
  }

  return {
    async list(query = {}, options) {
      const parse = listBody<TransactionListItem>(`GET ${list}`);
      return transport.read(withQuery(list, encodeTransactionsQuery(query)), parse, options);
    },
    async count(query = {}, options) {
      const path = withQuery(`${list}/count`, encodeTransactionsQuery({ filters: query.filters ?? [] }));
      return transport.read(path, countBody(`GET ${list}/count`), options);
    },
    async get(id, options) {
      const path = `${one}/${encodeURIComponent(checkedId("id", id))}`;
      return transport.read(path, objectBody<Transaction>(`GET ${one}/{id}`), options);
    },
    async refund(id, body, options) {
      checkedMinorAmount("amount", body?.amount);
      return move("refund", id, body, options);
    },
    async capture(id, body, options) {
      checkedMinorAmount("amount", body?.amount);
      return move("capture", id, body, options);
    },
    async void(id, options) {
      return move("void", id, undefined, options);
    },
    async voidCapture(id, options) {
      return move("void_capture", id, undefined, options);
    },
    async createdWith(idempotencyKey, options) {
      const key = encodeURIComponent(checkedIdempotencyKey(idempotencyKey));
      return transport.read(
        `${list}?x-vfi-api-idempotencykey=${key}`,
        listBody<TransactionListItem>(`GET ${list}`),
        options,
      );
    },
  };
}
