import type { Transaction } from "./types.ts";

/**
 * `status` (the deprecated field, values from EcomResponse's enum) and `transaction_status` (TransactionState), as
 * the sandbox derives them from the ledger. A client can read the allowed actions off them:
 *
 * | record                         | status                | transaction_status                     | allows                    |
 * | ------------------------------ | --------------------- | -------------------------------------- | ------------------------- |
 * | declined payment               | DECLINED              | DECLINED                               | nothing                   |
 * | card verification (amount 0)   | AUTHORIZED            | APPROVED                               | nothing                   |
 * | authorisation, nothing taken   | AUTHORIZED            | AUTHORISED                             | capture, void             |
 * | authorisation, part captured   | SETTLEMENT_PARTIAL    | AUTHORISED                             | capture (rest), void      |
 * | authorisation, done            | SETTLEMENT_REQUESTED  | COMPLETED                              | nothing (act on captures) |
 * | authorisation, voided          | AUTHORIZATION_VOIDED  | CANCELLED (COMPLETED if part captured) | nothing                   |
 * | sale / capture, unsettled      | SETTLEMENT_REQUESTED  | SETTLEMENT_REQUESTED                   | refund, void_capture      |
 * | sale / capture, settled        | SETTLEMENT_COMPLETED  | SETTLED                                | refund                    |
 * | … partly refunded              | (unchanged)           | PARTIALLY_REFUNDED                     | refund (rest)             |
 * | … fully refunded               | REFUNDED              | REFUNDED                               | nothing                   |
 * | … void_captured                | VOIDED                | CANCELLED                              | nothing                   |
 * | refund                         | REFUNDED              | SETTLEMENT_REQUESTED / SETTLED         | nothing                   |
 * | void                           | AUTHORIZATION_VOIDED / VOIDED | COMPLETED                      | nothing                   |
 */
type Statuses = { status: string; transaction_status: string };

function authorisation(t: Transaction): Statuses {
  if (t.closed === "voided")
    return t.captured > 0
      ? { status: "SETTLEMENT_PARTIAL", transaction_status: "COMPLETED" }
      : { status: "AUTHORIZATION_VOIDED", transaction_status: "CANCELLED" };
  if (t.closed === "final" || t.captured >= t.amount)
    return { status: "SETTLEMENT_REQUESTED", transaction_status: "COMPLETED" };
  return t.captured > 0
    ? { status: "SETTLEMENT_PARTIAL", transaction_status: "AUTHORISED" }
    : { status: "AUTHORIZED", transaction_status: "AUTHORISED" };
}

function captured(t: Transaction): Statuses {
  if (t.voided) return { status: "VOIDED", transaction_status: "CANCELLED" };
  if (t.refunded >= t.amount) return { status: "REFUNDED", transaction_status: "REFUNDED" };
  const status = t.settled ? "SETTLEMENT_COMPLETED" : "SETTLEMENT_REQUESTED";
  if (t.refunded > 0) return { status, transaction_status: "PARTIALLY_REFUNDED" };
  return { status, transaction_status: t.settled ? "SETTLED" : "SETTLEMENT_REQUESTED" };
}

export function statusesOf(t: Transaction): Statuses {
  if (t.declined) return { status: "DECLINED", transaction_status: "DECLINED" };
  switch (t.kind) {
    case "CARD_VERIFICATION":
      return { status: "AUTHORIZED", transaction_status: "APPROVED" };
    case "AUTHORISATION":
    case "PREAUTH":
      return authorisation(t);
    case "SALE":
    case "CAPTURE":
      return captured(t);
    case "REFUND":
      return { status: "REFUNDED", transaction_status: t.settled ? "SETTLED" : "SETTLEMENT_REQUESTED" };
    case "VOID":
      return { status: t.status || "VOIDED", transaction_status: "COMPLETED" };
  }
}

export function refreshStatuses(t: Transaction): Transaction {
  const { status, transaction_status } = statusesOf(t);
  t.status = status;
  t.transaction_status = transaction_status;
  return t;
}

/** Whether the sandbox settles this kind of record (a day after it was created). */
export const settles = (t: Transaction): boolean =>
  !t.declined && (t.kind === "SALE" || t.kind === "CAPTURE" || t.kind === "REFUND");

export const settlementDelayMs = 86_400_000;
