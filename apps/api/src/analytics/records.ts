// Verifone records → analytics store rows, with every derived column computed by packages/domain.
import type { analytics } from "@vbo/db";
import {
  ANALYTICS_RULES_VERSION,
  authenticationFacts,
  isPayment,
  type MatchingAuthentication,
  majorAmountToMinor,
  paymentLiability,
} from "@vbo/domain";
import type { ThreeDSAuthentication, TransactionListItem } from "@vbo/verifone";

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function instant(value: unknown): Date | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const raw = value.trim();
  // A date-time without an offset is UTC (as liabilityOf reads it), never the machine's local time.
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(raw) || !raw.includes("T") ? raw : `${raw}Z`);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The store's row of an authentication, or null without an id or a readable created_at. */
export function authenticationRow(record: ThreeDSAuthentication): analytics.AuthenticationRow | null {
  const createdAt = instant(record.created_at);
  if (!record._id || !createdAt) return null;
  const a = record.authentication;
  const facts = authenticationFacts(record);
  const amount = typeof record.amount === "number" && Number.isFinite(record.amount) ? record.amount : null;
  return {
    id: record._id,
    createdAt,
    amount,
    currencyCode: text(record.currency_code),
    cardBrand: text(a?.card_brand),
    threedsVersion: text(a?.threeds_version),
    eciFlag: text(a?.eci_flag),
    enrolled: text(a?.enrolled),
    signatureVerification: text(a?.signature_verification),
    paresStatus: text(a?.pares_status),
    challengeRequired: text(a?.challenge_required),
    challengeCancel: text(a?.challenge_cancel),
    liable: facts.liable,
    reason: facts.reason,
    eci: facts.eci,
    flow: facts.flow,
    v2: facts.v2,
    authenticated: facts.authenticated,
    abandoned: facts.abandoned,
    enrolledY: facts.enrolled,
    v2Enrolled: facts.v2Enrolled,
    frictionlessAuthenticated: facts.frictionlessAuthenticated,
    v2Challenged: facts.v2Challenged,
    challengeSucceeded: facts.challengeSucceeded,
    rulesVersion: ANALYTICS_RULES_VERSION,
  };
}

/** The store's row of a payment (null when the transaction is not one, or lacks an id, date or currency). */
export function paymentRow(
  tx: TransactionListItem,
  matchingAuthentication: MatchingAuthentication | undefined,
): analytics.PaymentRow | null {
  const createdAt = instant(tx.created_at);
  if (!tx.id || !createdAt || !tx.currency_code || !isPayment(tx)) return null;
  const { liable, reason } = paymentLiability(tx, matchingAuthentication);
  return {
    id: tx.id,
    createdAt,
    currencyCode: tx.currency_code,
    amount: majorAmountToMinor(tx.amount, tx.currency_code),
    cardBrand: text(tx.card_brand),
    transactionType: text(tx.transaction_type),
    liable,
    reason,
    rulesVersion: ANALYTICS_RULES_VERSION,
  };
}
