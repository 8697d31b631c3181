import { randomInt, randomUUID } from "node:crypto";
import { type Request, type Response, Router } from "express";
import type { Clock } from "../clock.ts";
import { invalid, notFound } from "../ecommerce/problems.ts";
import { rawQueryOf } from "../http/queryString.ts";
import { createRandom } from "../random.ts";
import type { TokenStore } from "../tokens/tokenStore.ts";
import { parseCaptureBody, parseRefundBody } from "./actionRequests.ts";
import { capture, refund, voidAuthorisation, voidCapture } from "./actions.ts";
import { type IdempotencyBook, idempotencyKeyOf, type Outcome } from "./idempotency.ts";
import type { ChildInit } from "./ledger.ts";
import { createPayment, type PaymentDeps } from "./payment.ts";
import { parsePaymentRequest } from "./paymentRequest.ts";
import { parseTransactionCountQuery, parseTransactionListQuery } from "./queryGrammar.ts";
import type { TransactionStore } from "./transactionStore.ts";
import type { Transaction } from "./types.ts";
import { actionResponse, getView, listView, paymentResponse } from "./views.ts";

/** Verifone's eCommerce transactions API, mounted at `/oidc/api`. */
export type TransactionState = Omit<PaymentDeps, "store"> & {
  store: TransactionStore;
  tokens: TokenStore;
  idempotency: IdempotencyBook;
};

function send(res: Response, outcome: Outcome & { replayed: boolean }): void {
  if (outcome.replayed) res.setHeader("idempotent-replayed", "true");
  res.status(outcome.status).json(outcome.body);
}

function childInit(now: number, key: string | undefined): ChildInit {
  return {
    id: randomUUID(),
    createdMs: now,
    rng: createRandom(randomInt(2 ** 32)),
    ...(key ? { idempotencyKey: key } : {}),
  };
}

/** `clock`: the sandbox's time, which dates new records and settles old ones. */
export function transactionRouter(state: () => TransactionState, clock: Clock): Router {
  const router = Router();

  // Sales, captures and refunds older than a day settle before anything reads or acts on them.
  router.use((_req, _res, next) => {
    state().store.settleDue(clock());
    next();
  });

  router.get("/v2/transactions", (req, res) => {
    const { query, problems } = parseTransactionListQuery(rawQueryOf(req.originalUrl), clock());
    if (problems.length > 0) throw invalid(problems);
    res.json(state().store.list(query).map(listView));
  });

  router.get("/v2/transactions/count", (req, res) => {
    const { query, problems } = parseTransactionCountQuery(rawQueryOf(req.originalUrl));
    if (problems.length > 0) throw invalid(problems);
    res.json({ count: state().store.count(query) });
  });

  router.get("/v2/transaction/:id", (req, res) => {
    const t = state().store.get(req.params.id);
    if (!t) throw notFound("params.id", "no transaction with this id");
    res.json(getView(t));
  });

  router.post("/v2/transactions/card", (req, res) => {
    const key = idempotencyKeyOf(req);
    // The encrypted card's 15 minutes are checked against the real time (the client's); records take the sandbox's.
    const input = parsePaymentRequest(req.body, Date.now());
    const now = clock();
    const s = state();
    send(
      res,
      s.idempotency.run(key, req, req.body, () => ({
        status: 201,
        body: paymentResponse(createPayment(s, input, now, key), s.tokens),
      })),
    );
  });

  /** The four actions share one shape: key, body check, then the state machine under the idempotency book. */
  const action =
    (parse: (body: unknown) => (init: ChildInit, id: string) => Transaction, bodyOf: (req: Request) => unknown) =>
    (req: Request<{ id: string }>, res: Response) => {
      const key = idempotencyKeyOf(req);
      const perform = parse(bodyOf(req));
      const s = state();
      send(
        res,
        s.idempotency.run(key, req, bodyOf(req), () => ({
          status: 201,
          body: actionResponse(perform(childInit(clock(), key), req.params.id)),
        })),
      );
    };
  const body = (req: Request) => req.body;
  const none = () => ({}); // void and void_capture take no body; whatever is sent is ignored

  router.post(
    "/v2/transactions/:id/refund",
    action((raw) => {
      const { amount, reason } = parseRefundBody(raw);
      return (init, id) => refund(state().store, id, amount, reason ? { ...init, description: reason } : init);
    }, body),
  );
  router.post(
    "/v2/transactions/:id/capture",
    action((raw) => {
      const { amount, final } = parseCaptureBody(raw);
      return (init, id) => capture(state().store, id, amount, final, init);
    }, body),
  );
  router.post(
    "/v2/transactions/:id/void",
    action(() => (init, id) => voidAuthorisation(state().store, id, init), none),
  );
  router.post(
    "/v2/transactions/:id/void_capture",
    action(() => (init, id) => voidCapture(state().store, id, init), none),
  );

  return router;
}
