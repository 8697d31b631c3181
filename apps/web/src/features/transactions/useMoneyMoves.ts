import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../../trpc.ts";
import {
  type Attempt,
  attemptFor,
  type MoveFailure,
  type MoveRequest,
  moveFailure,
  newAttempt,
  recheckDelaysMs,
  recheckFailure,
  requestText,
} from "./moneyMove.ts";
import type { MoneyMove, MoveResult } from "./types.ts";

/**
 * A move whose outcome is not known: a retry must send exactly this request with this key. `checks` counts the
 * re-sends answered "still unknown"; `checking` while another one is on its way.
 */
export type Unconfirmed = {
  kind: MoneyMove;
  request: MoveRequest;
  attempt: Attempt;
  message: string;
  checks: number;
  checking: boolean;
};

/** The last move's success; `recovered` when its first answer was lost and a re-send with its key learnt it. */
export type MoveDone = { kind: MoneyMove; view: MoveResult; recovered: boolean };

const notMadeText = (kind: MoneyMove, why: string) =>
  `The ${kind} did not happen — nothing was moved (${why}). You can try again.`;

/**
 * Refund, capture and void of one transaction. The page changes only once the API answers (never optimistically),
 * and the transaction is read again after every answer — success, refusal or an outcome nobody knows. An unknown
 * outcome is settled by sending the same request with the same idempotency key again, a few times: the API answers
 * it from its idempotency record or Verifone's replay (and audits the outcome), so the page can say whether the
 * money moved instead of leaving "unknown" over a lifecycle that shows it.
 */
export function useMoneyMoves(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<MoneyMove | null>(null);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [failure, setFailure] = useState<MoveFailure | null>(null);
  const [unconfirmed, setUnconfirmed] = useState<Unconfirmed | null>(null);
  const [notMade, setNotMade] = useState<{ kind: MoneyMove; message: string } | null>(null);
  const [result, setResult] = useState<MoveDone | null>(null);
  // How many times the unconfirmed attempt has been re-sent; the pending re-send.
  const checks = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Lists, counts and this transaction (and its parent, whose remainder changed too).
  const reread = () => queryClient.invalidateQueries({ queryKey: trpc.transactions.pathKey() });

  const handlers = (kind: MoneyMove) => ({
    onSuccess: (view: MoveResult) => {
      setResult({ kind, view, recovered: checks.current > 0 });
      checks.current = 0;
      setFailure(null);
      setUnconfirmed(null);
      setOpen(null);
      void reread();
    },
    onError: (error: unknown, input: MoveRequest & { idempotencyKey: string }) => {
      const rechecked = checks.current;
      const found = rechecked > 0 ? recheckFailure(error) : moveFailure(error);
      const request: MoveRequest = { amount: input.amount, reason: input.reason };
      if (found.kind === "unknown") {
        const attempt = { key: input.idempotencyKey, sent: requestText(request) };
        const checking = rechecked < recheckDelaysMs.length;
        setFailure(found);
        setUnconfirmed({ kind, request, attempt, message: found.message, checks: rechecked, checking });
        if (checking) {
          timer.current = setTimeout(() => {
            checks.current = rechecked + 1;
            send(kind, request, attempt.key);
          }, recheckDelaysMs[rechecked]);
        }
      } else if (rechecked > 0) {
        // The key's first attempt was not made either: a new attempt (and key) may start afresh.
        checks.current = 0;
        const message = notMadeText(kind, found.message);
        setFailure({ kind: "refused", message });
        setNotMade({ kind, message });
        setUnconfirmed(null);
        setAttempt(newAttempt());
      } else {
        setFailure(found);
        setUnconfirmed((u) => (u?.kind === kind ? null : u));
      }
      void reread();
    },
  });
  const mutations = {
    refund: useMutation(trpc.transactions.refund.mutationOptions(handlers("refund"))),
    capture: useMutation(trpc.transactions.capture.mutationOptions(handlers("capture"))),
    void: useMutation(trpc.transactions.void.mutationOptions(handlers("void"))),
  };

  function send(kind: MoneyMove, request: MoveRequest, idempotencyKey: string) {
    const input = { id, idempotencyKey };
    if (kind === "refund")
      mutations.refund.mutate({ ...input, amount: request.amount ?? 0, ...optionalReason(request) });
    else if (kind === "capture") mutations.capture.mutate({ ...input, ...optionalAmount(request) });
    else mutations.void.mutate(input);
  }

  return {
    open,
    result,
    failure,
    /** The outcome not known yet, of any move (shown on the page until a re-send settles it). */
    unconfirmed,
    /** A move whose outcome was unknown, then learnt not made (shown on the page once its dialog is closed). */
    notMade,
    pending: Object.values(mutations).some((m) => m.isPending) || unconfirmed?.checking === true,
    /** Opens a move's dialog with a new idempotency key, or resumes the unconfirmed move of that kind with its own. */
    start(kind: MoneyMove) {
      setFailure(null);
      setResult(null);
      setNotMade(null);
      setAttempt(unconfirmed?.kind === kind ? unconfirmed.attempt : newAttempt());
      setOpen(kind);
    },
    cancel() {
      setOpen(null);
      setFailure(null);
    },
    submit(kind: MoneyMove, request: MoveRequest) {
      const current = unconfirmed?.kind === kind ? unconfirmed.attempt : (attempt ?? newAttempt());
      // After an unknown outcome the request is the one already sent; after a refusal a changed one needs a new key.
      const next = attemptFor(current, request);
      setAttempt(next);
      setFailure(null);
      setNotMade(null);
      clearTimeout(timer.current);
      checks.current = 0;
      send(kind, request, next.key);
    },
  };
}

const optionalReason = (request: MoveRequest) => (request.reason ? { reason: request.reason } : {});
const optionalAmount = (request: MoveRequest) => (request.amount === undefined ? {} : { amount: request.amount });
