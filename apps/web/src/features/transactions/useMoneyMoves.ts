import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../trpc.ts";
import {
  type Attempt,
  attemptFor,
  type MoveFailure,
  type MoveRequest,
  moveFailure,
  newAttempt,
  requestText,
} from "./moneyMove.ts";
import type { MoneyMove, MoveResult } from "./types.ts";

/** A move whose outcome is not known: a retry must send exactly this request with this key. */
export type Unconfirmed = { kind: MoneyMove; request: MoveRequest; attempt: Attempt; message: string };

/**
 * Refund, capture and void of one transaction. The page changes only once the API answers (never optimistically),
 * and the transaction is read again after every answer — success, refusal or an outcome nobody knows.
 */
export function useMoneyMoves(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<MoneyMove | null>(null);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [failure, setFailure] = useState<MoveFailure | null>(null);
  const [unconfirmed, setUnconfirmed] = useState<Unconfirmed | null>(null);
  const [result, setResult] = useState<{ kind: MoneyMove; view: MoveResult } | null>(null);

  // Lists, counts and this transaction (and its parent, whose remainder changed too).
  const reread = () => queryClient.invalidateQueries({ queryKey: trpc.transactions.pathKey() });

  const handlers = (kind: MoneyMove) => ({
    onSuccess: (view: MoveResult) => {
      setResult({ kind, view });
      setFailure(null);
      setUnconfirmed(null);
      setOpen(null);
      void reread();
    },
    onError: (error: unknown, input: MoveRequest & { idempotencyKey: string }) => {
      const found = moveFailure(error);
      setFailure(found);
      const request: MoveRequest = { amount: input.amount, reason: input.reason };
      if (found.kind === "unknown") {
        const attempt = { key: input.idempotencyKey, sent: requestText(request) };
        setUnconfirmed({ kind, request, attempt, message: found.message });
      } else setUnconfirmed((u) => (u?.kind === kind ? null : u));
      void reread();
    },
  });
  const mutations = {
    refund: useMutation(trpc.transactions.refund.mutationOptions(handlers("refund"))),
    capture: useMutation(trpc.transactions.capture.mutationOptions(handlers("capture"))),
    void: useMutation(trpc.transactions.void.mutationOptions(handlers("void"))),
  };

  return {
    open,
    result,
    failure,
    /** The outcome not known yet, of any move (shown on the page until a retry settles it). */
    unconfirmed,
    pending: Object.values(mutations).some((m) => m.isPending),
    /** Opens a move's dialog with a new idempotency key, or resumes the unconfirmed move of that kind with its own. */
    start(kind: MoneyMove) {
      setFailure(null);
      setResult(null);
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
      const input = { id, idempotencyKey: next.key };
      if (kind === "refund")
        mutations.refund.mutate({ ...input, amount: request.amount ?? 0, ...optionalReason(request) });
      else if (kind === "capture") mutations.capture.mutate({ ...input, ...optionalAmount(request) });
      else mutations.void.mutate(input);
    },
  };
}

const optionalReason = (request: MoveRequest) => (request.reason ? { reason: request.reason } : {});
const optionalAmount = (request: MoveRequest) => (request.amount === undefined ? {} : { amount: request.amount });
