import { majorAmountToMinor } from "@vbo/domain";

// A payment's lifecycle as a ledger: the transaction, then its captures, refunds and voids oldest first, each with
// what has been captured and refunded so far and what is left. The same counting rules as the domain's
// transactionActions (which stays the authority on what can still be done): children that definitely failed do not
// count, a void ends everything.

const authorisationTypes = new Set(["AUTHORISATION", "PREAUTH", "REAUTHORISATION"]);
const captureTypes = new Set(["CAPTURE", "PREAUTH_COMPLETION"]);
const voidTypes = new Set(["VOID", "CANCEL"]);
const failedStatuses = new Set(["DECLINED", "FAILED", "REJECTED"]);

type Text = string | null | undefined;
type Child = {
  id?: Text;
  amount?: number | string | null;
  currency_code?: Text;
  transaction_type?: Text;
  transaction_status?: Text;
  created_at?: Text;
};
type Parent = {
  amount_minor: number | null;
  currency_code?: Text;
  transaction_type?: Text;
  children: readonly Child[];
};

export type StepKind = "capture" | "refund" | "void" | "other";

export type LifecycleStep = {
  child: Child;
  kind: StepKind;
  /** The child's amount in minor units (null when it cannot be read). */
  minor: number | null;
  /** False for a child that failed (declined, rejected): it moved no money. */
  counts: boolean;
  /** Running totals after this step, minor units. */
  captured: number;
  refunded: number;
  /** What is left to capture (an authorisation) or to refund (a payment) after this step; null if unknown. */
  remaining: number | null;
};

export type Lifecycle = {
  /** What the remaining amount is for: capturing (an authorisation hold) or refunding (a payment). */
  remainingFor: "capture" | "refund";
  steps: LifecycleStep[];
  captured: number;
  refunded: number;
};

const upper = (value: Text) => (value ?? "").trim().toUpperCase();

function kindOf(type: string): StepKind {
  if (captureTypes.has(type)) return "capture";
  if (type === "REFUND") return "refund";
  if (voidTypes.has(type)) return "void";
  return "other";
}

export function lifecycleOf(tx: Parent): Lifecycle {
  const currency = tx.currency_code ?? "";
  const remainingFor = authorisationTypes.has(upper(tx.transaction_type)) ? "capture" : "refund";
  let captured = 0;
  let refunded = 0;
  let voided = false;
  let unreadable = tx.amount_minor === null;
  const steps = tx.children.map((child): LifecycleStep => {
    const kind = kindOf(upper(child.transaction_type));
    const minor = majorAmountToMinor(child.amount, child.currency_code || currency);
    const counts = !failedStatuses.has(upper(child.transaction_status)) && kind !== "other";
    if (counts) {
      if (kind === "void") voided = true;
      else if (minor === null) unreadable = true;
      else if (kind === "capture") captured += Math.abs(minor);
      else refunded += Math.abs(minor);
    }
    const taken = remainingFor === "capture" ? captured : refunded;
    const remaining = unreadable || tx.amount_minor === null ? null : voided ? 0 : Math.max(0, tx.amount_minor - taken);
    return { child, kind, minor, counts, captured, refunded, remaining };
  });
  return { remainingFor, steps, captured, refunded };
}
