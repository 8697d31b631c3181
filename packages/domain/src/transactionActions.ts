// Which money moves a transaction allows, and for how much (minor units), from Verifone's transaction_type,
// transaction_status and the transaction's children (the captures, refunds and voids whose parent_id is its id).
//
// The rules, from the eCommerce spec's TransactionType / TransactionState enums and its endpoint descriptions:
//
// - AUTHORISATION, PREAUTH, REAUTHORISATION hold money without taking it. While the hold stands (AUTHORISED,
//   APPROVED, CONFIRMED) it can be captured up to its amount minus what its captures (CAPTURE / PREAUTH_COMPLETION
//   children, or payment_summary.captured_amount if larger) already took, and voided — for its full amount before
//   any capture. Once part is captured the rest would stay held on the customer's card until the hold expires: it
//   is offered as "release the rest" (voidKind "release"), a void of the uncaptured remainder — POST /void on the
//   authorisation, which cancels what of the hold is left (the sandbox models it so; Verifone's spec also has
//   POST /release for the rest of a pre-authorisation). A VOID child after captures is such a release; nothing
//   can be captured after it. An authorisation is never refunded itself: its captures are.
// - SALE, CAPTURE, PREAUTH_COMPLETION, DELAYED_CHARGE and NO_SHOW have taken money. Once it is taken (any success
//   state, settled or not) it can be refunded up to its amount minus its REFUND children. Before settlement
//   (AUTHORISED, APPROVED, CONFIRMED, COMPLETED, SETTLEMENT_REQUESTED) it can instead be voided with void_capture —
//   always its full amount (the spec allows no partial void_capture), so only while nothing is refunded.
// - A VOID or CANCEL child, or a CANCELLED / REVERSED status, ends everything. REFUNDED means nothing is left to
//   refund. A DISPUTED payment is not refunded or voided from here (a refund during a chargeback can pay twice).
// - Every other type (REFUND, VOID, CARD_VERIFICATION, …) allows nothing.
// - Children count unless they definitely failed (DECLINED, FAILED, REJECTED): a pending or timed-out refund counts,
//   so the remainder shown is never more than what is really left. A capture that was later voided still counts
//   against its authorisation (conservative: capture again only after a new authorisation).
// - When a needed amount cannot be read, or a PARTIALLY_REFUNDED payment comes without any refund children, the
//   remainder is unknown and nothing is offered, with a reason saying so.
import { formatMoney } from "./money.ts";
import { majorAmountToMinor } from "./transactionAmount.ts";

type Text = string | null | undefined;

/** The fields of a Verifone transaction read (list item or single) that the rules need. */
export type TransactionLike = {
  id?: Text;
  /** Major units: a number in the list, a decimal string in GET /transaction/{id}. */
  amount?: number | string | null;
  currency_code?: Text;
  transaction_type?: Text;
  transaction_status?: Text;
  parent_id?: Text;
  payment_summary?: { captured_amount?: number | string | null } | null;
};

export type TransactionActions = {
  /** Minor units that can still be refunded; 0 when a refund is not allowed. */
  refundable: number;
  /** Minor units that can still be captured; 0 when a capture is not allowed. */
  capturable: number;
  /** Minor units a void would release; 0 when a void is not allowed. */
  voidable: number;
  /**
   * The endpoint a void calls: `void` for an authorisation hold, `release` for the rest of a partly captured one,
   * `void_capture` for a payment not yet settled.
   */
  voidKind: "void" | "release" | "void_capture" | null;
  /** Why an action is not allowed, in words for the user; set exactly for the actions whose amount is 0. */
  reasons: { refund?: string; capture?: string; void?: string };
};

const authorisationTypes = new Set(["AUTHORISATION", "PREAUTH", "REAUTHORISATION"]);
const chargeTypes = new Set(["SALE", "CAPTURE", "PREAUTH_COMPLETION", "DELAYED_CHARGE", "NO_SHOW"]);
const captureTypes = new Set(["CAPTURE", "PREAUTH_COMPLETION"]);
const voidTypes = new Set(["VOID", "CANCEL"]);

const holding = new Set(["AUTHORISED", "APPROVED", "CONFIRMED"]);
const notSettled = new Set([...holding, "COMPLETED", "SETTLEMENT_REQUESTED"]);
const taken = new Set([
  ...notSettled,
  "SUBMITTED",
  "SETTLED",
  "RECONCILED",
  "RECONCILIATION_FAILED",
  "PARTIALLY_REFUNDED",
]);
const failed = new Set(["DECLINED", "FAILED", "REJECTED"]);
const ended = new Set(["CANCELLED", "REVERSED"]);

const upper = (value: Text) => (value ?? "").trim().toUpperCase();
const words = (value: string) => value.toLowerCase().replaceAll("_", " ");

function nothing(reason: string): TransactionActions {
  return {
    refundable: 0,
    capturable: 0,
    voidable: 0,
    voidKind: null,
    reasons: { refund: reason, capture: reason, void: reason },
  };
}

const happened: Record<string, string> = {
  DECLINED: "was declined",
  FAILED: "failed",
  REJECTED: "was rejected",
  CANCELLED: "was cancelled",
  REVERSED: "was reversed",
  EXPIRED: "expired",
};

/** Why a transaction in `status` allows no money move at all (for a status outside the success states). */
function statusReason(status: string): string {
  if (status === "") return "This transaction has no status yet, so no action is possible";
  if (failed.has(status)) return `This transaction ${happened[status]}: no money moved`;
  if (ended.has(status) || status === "EXPIRED")
    return `This transaction ${happened[status]}: nothing is left to act on`;
  if (status === "DISPUTED") {
    return "This payment is disputed (chargeback): refund or void it only once the dispute is settled";
  }
  return `This transaction is ${words(status)}; actions are possible once it is authorised or settled`;
}

type ChildSums = { captured: number; refunded: number; voided: boolean; refunds: number; unreadable: boolean };

function sumChildren(tx: TransactionLike, children: readonly TransactionLike[], currency: string): ChildSums {
  const sums: ChildSums = { captured: 0, refunded: 0, voided: false, refunds: 0, unreadable: false };
  const id = (tx.id ?? "").trim();
  if (id === "") return sums;
  for (const child of children) {
    if ((child.parent_id ?? "").trim() !== id || failed.has(upper(child.transaction_status))) continue;
    const type = upper(child.transaction_type);
    if (voidTypes.has(type)) {
      sums.voided = true;
      continue;
    }
    if (!captureTypes.has(type) && type !== "REFUND") continue;
    const minor = majorAmountToMinor(child.amount, child.currency_code || currency);
    if (minor === null) {
      sums.unreadable = true;
      continue;
    }
    if (type === "REFUND") {
      sums.refunded += Math.abs(minor);
      sums.refunds += 1;
    } else sums.captured += Math.abs(minor);
  }
  return sums;
}

function authorisationActions(
  status: string,
  amount: number,
  sums: ChildSums,
  alreadyCaptured: number,
): TransactionActions {
  const captured = Math.max(sums.captured, alreadyCaptured);
  const remaining = Math.max(0, amount - captured);
  let stop: string | undefined;
  if (sums.voided && captured > 0) stop = "The rest of this authorisation has been released";
  else if (sums.voided || ended.has(status)) stop = "This authorisation has been voided";
  else if (!holding.has(status)) {
    stop = taken.has(status)
      ? `This authorisation is ${words(status)}: it can no longer be captured or voided`
      : statusReason(status);
  } else if (sums.unreadable) stop = "The amount of one of this authorisation's captures cannot be read";
  // "Void it instead" only while a void is possible: after a void (or once it has ended) say what happened.
  const refund =
    captured > 0
      ? "An authorisation is not refunded itself: refund its capture"
      : (stop ?? "Nothing has been captured from this authorisation: void it instead of refunding");
  const capture = stop ?? (remaining === 0 ? "This authorisation has been fully captured" : undefined);
  const voidReason =
    stop ?? (captured > 0 && remaining === 0 ? "This authorisation has been fully captured" : undefined);
  return {
    refundable: 0,
    capturable: capture ? 0 : remaining,
    voidable: voidReason ? 0 : remaining,
    voidKind: voidReason ? null : captured > 0 ? "release" : "void",
    reasons: { refund, ...(capture ? { capture } : {}), ...(voidReason ? { void: voidReason } : {}) },
  };
}

function chargeActions(status: string, amount: number, sums: ChildSums): TransactionActions {
  const capture = "This payment has already been captured";
  let stop: string | undefined;
  if (sums.voided || ended.has(status)) stop = "This payment has been voided";
  else if (!taken.has(status) && status !== "REFUNDED") stop = statusReason(status);
  else if (sums.unreadable) stop = "The amount of one of this payment's refunds cannot be read";
  let refund = stop;
  if (!refund && status === "REFUNDED") refund = "This payment has been fully refunded";
  if (!refund && status === "PARTIALLY_REFUNDED" && sums.refunds === 0) {
    refund = "This payment is partly refunded, but its refunds were not found, so the remainder is unknown";
  }
  const refundable = Math.max(0, amount - sums.refunded);
  if (!refund && refundable === 0) refund = "This payment has been fully refunded";
  let voidReason = stop;
  if (!voidReason && (status === "REFUNDED" || sums.refunded >= amount))
    voidReason = "This payment has been fully refunded";
  if (!voidReason && !notSettled.has(status))
    voidReason = "This payment has been settled: refund it instead of voiding";
  if (!voidReason && (sums.refunded > 0 || status === "PARTIALLY_REFUNDED")) {
    voidReason = "Part of this payment has been refunded: a void must cover the full amount, so refund the rest";
  }
  return {
    refundable: refund ? 0 : refundable,
    capturable: 0,
    voidable: voidReason ? 0 : amount,
    voidKind: voidReason ? null : "void_capture",
    reasons: { ...(refund ? { refund } : {}), capture, ...(voidReason ? { void: voidReason } : {}) },
  };
}

/**
 * What can still be done with `tx`, in minor units of its currency. `children` may hold any transactions: only those
 * whose parent_id is tx.id are used. Without children, only tx's own fields count (status, payment_summary).
 */
export function transactionActions(tx: TransactionLike, children: readonly TransactionLike[] = []): TransactionActions {
  const type = upper(tx.transaction_type);
  const status = upper(tx.transaction_status);
  const currency = (tx.currency_code ?? "").trim();
  const isAuthorisation = authorisationTypes.has(type);
  if (!isAuthorisation && !chargeTypes.has(type)) {
    return nothing(
      type === ""
        ? "This transaction has no type, so no action is possible"
        : `A ${words(type)} transaction cannot be refunded, captured or voided`,
    );
  }
  const amount = currency === "" ? null : majorAmountToMinor(tx.amount, currency);
  if (amount === null || amount < 0) return nothing("The amount or currency of this transaction cannot be read");
  if (amount === 0) return nothing("This transaction is for 0: there is no money to refund, capture or void");
  const sums = sumChildren(tx, children, currency);
  if (!isAuthorisation) return chargeActions(status, amount, sums);
  const alreadyCaptured = Math.abs(majorAmountToMinor(tx.payment_summary?.captured_amount, currency) ?? 0);
  return authorisationActions(status, amount, sums, alreadyCaptured);
}

export type ActionCheck = { ok: true; amount: number } | { ok: false; message: string };

function checkAmount(
  verb: "refunded" | "captured",
  allowed: number,
  reason: string | undefined,
  amount: number | undefined,
  currency: string,
): ActionCheck {
  if (allowed <= 0) return { ok: false, message: reason ?? `Nothing can be ${verb}` };
  if (amount === undefined) return { ok: true, amount: allowed };
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return { ok: false, message: `The amount must be greater than 0, in whole minor units (e.g. 1250 for 12.50)` };
  }
  if (amount > allowed) return { ok: false, message: `at most ${formatMoney(allowed, currency)} can still be ${verb}` };
  return { ok: true, amount };
}

/** A refund of `amount` minor units: refused with what is allowed, e.g. "at most 12.50 EUR can still be refunded". */
export function checkRefund(actions: TransactionActions, amount: number, currency: string): ActionCheck {
  return checkAmount("refunded", actions.refundable, actions.reasons.refund, amount, currency);
}

/** A capture of `amount` minor units; without an amount, the whole remainder (returned as `amount`). */
export function checkCapture(actions: TransactionActions, amount: number | undefined, currency: string): ActionCheck {
  return checkAmount("captured", actions.capturable, actions.reasons.capture, amount, currency);
}

/** A void; `amount` on success is what it releases. */
export function checkVoid(actions: TransactionActions): ActionCheck {
  if (actions.voidable <= 0 || actions.voidKind === null) {
    return { ok: false, message: actions.reasons.void ?? "This transaction cannot be voided" };
  }
  return { ok: true, amount: actions.voidable };
}
