import { formatMoney } from "../currencies.ts";
import { notFound, refused } from "../ecommerce/problems.ts";
import {
  type ChildInit,
  capturable,
  childOf,
  isAuthorisation,
  isCaptured,
  isSettled,
  refundable,
  type TransactionBook,
} from "./ledger.ts";
import { refreshStatuses } from "./statuses.ts";
import type { Transaction } from "./types.ts";

/**
 * The state machine behind `POST /api/v2/transactions/{id}/refund|capture|void|void_capture`. Each action checks the
 * parent's state, creates a child transaction (with `parent_id`) and updates the parent's ledger. Refusals are 400s
 * naming the current state (`details["params.id"]`) or the allowed amount (`details["body.amount"]`).
 */

function find(book: TransactionBook, id: string): Transaction {
  const t = book.get(id);
  if (!t) throw notFound("params.id", "no transaction with this id");
  return t;
}

const stateFacts = (t: Transaction) => ({
  transaction_type: t.kind,
  status: t.status,
  transaction_status: t.transaction_status,
});

function refuse(t: Transaction, message: string, facts: Record<string, unknown> = {}): never {
  throw refused("params.id", message, { ...stateFacts(t), ...facts });
}

function commit(book: TransactionBook, child: Transaction, ...changed: Transaction[]): Transaction {
  for (const t of changed) refreshStatuses(t);
  book.add(refreshStatuses(child));
  return child;
}

export function refund(book: TransactionBook, id: string, amount: number, init: ChildInit): Transaction {
  const t = find(book, id);
  if (t.declined) refuse(t, "a declined payment cannot be refunded", { refundable: 0 });
  if (isAuthorisation(t)) {
    const captures = book
      .childrenOf(t.id)
      .filter((c) => c.kind === "CAPTURE" && !c.voided)
      .map((c) => c.id);
    refuse(t, "an authorisation is not refunded itself: refund its capture(s)", { refundable: 0, captures });
  }
  if (!isCaptured(t)) refuse(t, `a ${t.kind} cannot be refunded`, { refundable: 0 });
  if (t.voided) refuse(t, `the ${t.kind} was voided and cannot be refunded`, { refundable: 0 });
  const left = refundable(t);
  if (left === 0) refuse(t, `the ${t.kind} is already fully refunded`, { refundable: 0 });
  if (amount > left)
    throw refused("body.amount", `at most ${formatMoney(left, t.currency_code)} (${left}) can still be refunded`, {
      refundable: left,
      currency_code: t.currency_code,
    });
  t.refunded += amount;
  return commit(book, childOf(t, "REFUND", amount, init), t);
}

export function capture(
  book: TransactionBook,
  id: string,
  amount: number,
  final: boolean,
  init: ChildInit,
): Transaction {
  const t = find(book, id);
  if (t.declined) refuse(t, "a declined payment cannot be captured", { capturable: 0 });
  if (!isAuthorisation(t))
    refuse(t, `only an authorisation (AUTHORISATION or PREAUTH) can be captured; this is a ${t.kind}`, {
      capturable: 0,
    });
  if (t.closed === "voided") refuse(t, "the authorisation was voided", { capturable: 0 });
  if (t.closed === "final") refuse(t, "the authorisation was closed by a final capture", { capturable: 0 });
  const left = capturable(t);
  if (left === 0) refuse(t, "the authorisation is already fully captured", { capturable: 0 });
  if (amount > left)
    throw refused("body.amount", `at most ${formatMoney(left, t.currency_code)} (${left}) can still be captured`, {
      capturable: left,
      currency_code: t.currency_code,
    });
  t.captured += amount;
  if (final && t.captured < t.amount) t.closed = "final";
  return commit(book, childOf(t, "CAPTURE", amount, init), t);
}

/** Voids what is left of an authorisation (all of it, or the uncaptured rest after partial captures). */
export function voidAuthorisation(book: TransactionBook, id: string, init: ChildInit): Transaction {
  const t = find(book, id);
  if (t.declined) refuse(t, "a declined payment cannot be voided");
  if (isCaptured(t)) refuse(t, `a ${t.kind} is not an authorisation: use void_capture before it settles, or refund it`);
  if (!isAuthorisation(t)) refuse(t, `a ${t.kind} cannot be voided`);
  if (t.closed === "voided") refuse(t, "the authorisation is already voided");
  const left = capturable(t);
  if (left === 0) refuse(t, "nothing is left to void: the authorisation is fully captured or closed");
  t.closed = "voided";
  const child = childOf(t, "VOID", left, init);
  child.status = "AUTHORIZATION_VOIDED";
  return commit(book, child, t);
}

/**
 * Cancels a SALE or CAPTURE that has not settled yet, in full ("Void capture can only be done on the full amount").
 * A voided capture's amount goes back to its authorisation, which may be captured again.
 */
export function voidCapture(book: TransactionBook, id: string, init: ChildInit): Transaction {
  const t = find(book, id);
  if (t.declined) refuse(t, "a declined payment cannot be voided");
  if (isAuthorisation(t)) refuse(t, "void_capture applies to a SALE or CAPTURE; void an authorisation with /void");
  if (!isCaptured(t)) refuse(t, `a ${t.kind} cannot be voided`);
  if (t.voided) refuse(t, `the ${t.kind} is already voided`);
  if (isSettled(t, init.createdMs)) {
    const settledAt = new Date(t.createdMs + 86_400_000).toISOString();
    refuse(t, `the ${t.kind} has settled (at ${settledAt}): refund it instead`, { settled_at: settledAt });
  }
  if (t.refunded > 0) refuse(t, `the ${t.kind} is partly refunded; void_capture covers the full amount only`);
  t.voided = true;
  const changed = [t];
  const auth = t.kind === "CAPTURE" && t.parent_id ? book.get(t.parent_id) : undefined;
  if (auth) {
    auth.captured -= t.amount;
    changed.push(auth);
  }
  const child = childOf(t, "VOID", t.amount, init);
  child.status = "VOIDED";
  return commit(book, child, ...changed);
}
