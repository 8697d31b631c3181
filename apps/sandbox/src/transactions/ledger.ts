import type { Random } from "../random.ts";
import { settlementDelayMs } from "./statuses.ts";
import type { Transaction, TransactionKind } from "./types.ts";

/** Where the state machine reads and writes transactions: the store at run time, a plain map while seeding. */
export interface TransactionBook {
  get(id: string): Transaction | undefined;
  childrenOf(id: string): readonly Transaction[];
  add(transaction: Transaction): void;
}

/** A new child's identity and moment: `id` unique, `rng` for the acquirer's numbers (RRN, STAN, ARN…). */
export type ChildInit = { id: string; createdMs: number; rng: Random; idempotencyKey?: string; description?: string };

export const isAuthorisation = (t: Transaction): boolean => t.kind === "AUTHORISATION" || t.kind === "PREAUTH";
export const isCaptured = (t: Transaction): boolean => t.kind === "SALE" || t.kind === "CAPTURE";
export const isSettled = (t: Transaction, now: number): boolean => t.settled || now >= t.createdMs + settlementDelayMs;

/** What may still be captured / refunded (0 when the state does not allow it). */
export function capturable(t: Transaction): number {
  if (!isAuthorisation(t) || t.declined || t.closed) return 0;
  return Math.max(0, t.amount - t.captured);
}

export function refundable(t: Transaction): number {
  if (!isCaptured(t) || t.declined || t.voided) return 0;
  return Math.max(0, t.amount - t.refunded);
}

const inherited = [
  "merchant_reference",
  "invoice_number",
  "customer",
  "customer_details",
  "dynamic_descriptor",
  "city",
  "country_code",
] as const;

/** A child record (CAPTURE, REFUND, VOID) inheriting the parent's merchant, card, references and customer. */
export function childOf(parent: Transaction, kind: TransactionKind, amount: number, init: ChildInit): Transaction {
  const { rng } = init;
  const moves = kind !== "VOID";
  const child: Transaction = {
    id: init.id,
    parent_id: parent.id,
    kind,
    declined: false,
    amount,
    currency_code: parent.currency_code,
    created_at: new Date(init.createdMs).toISOString(),
    createdMs: init.createdMs,
    entity_id: parent.entity_id,
    payment_provider_contract: parent.payment_provider_contract,
    acquirer_merchant_id: parent.acquirer_merchant_id,
    created_by: parent.created_by,
    card: parent.card,
    shopper_interaction: parent.shopper_interaction,
    auto_capture: kind === "CAPTURE",
    reason_code: "00",
    cvv_present: false,
    processor_reference: rng.alnum(20),
    rrn: rng.digits(12),
    stan: rng.digits(6),
    captured: 0,
    refunded: 0,
    voided: false,
    settled: false,
    status: "",
    transaction_status: "",
  };
  if (moves) child.arn = rng.digits(23);
  if (kind === "CAPTURE" && parent.authorization_code) child.authorization_code = parent.authorization_code;
  for (const key of inherited) if (parent[key] !== undefined) (child as Record<string, unknown>)[key] = parent[key];
  if (init.description) child.description = init.description;
  if (init.idempotencyKey) child.idempotency_key = init.idempotencyKey;
  return child;
}
