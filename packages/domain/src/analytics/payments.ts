// Payments for analytics (CONTRACT.md §5): what counts as one, and its verdict (§2, completed from the 3DS record).
import type { Liability } from "../liability.ts";
import {
  type MatchingAuthentication,
  type TransactionForLiability,
  transactionLiability,
} from "../transactionLiability.ts";
import { normalizedField } from "./facts.ts";

const paymentTypes = new Set(["SALE", "AUTHORISATION", "PREAUTH"]);

export type PaymentInput = TransactionForLiability & {
  transaction_type?: string | null;
  status?: string | null;
};

/**
 * A SALE, AUTHORISATION or PREAUTH whose status is not DECLINED. Refunds, captures, voids and card verifications are
 * not payments and never counted as exposure.
 */
export function isPayment(tx: PaymentInput): boolean {
  const type = normalizedField(tx.transaction_type);
  return type !== null && paymentTypes.has(type) && normalizedField(tx.status) !== "DECLINED";
}

/** The payment's verdict: its 3-D Secure block completed from the matching authentication; MERCHANT / NO_3DS without. */
export function paymentLiability(tx: PaymentInput, matchingAuthentication?: MatchingAuthentication | null): Liability {
  return transactionLiability(tx, matchingAuthentication);
}
