import { BodyReader, Problems } from "../ecommerce/bodyReader.ts";
import { maxAmount } from "../threeds/queryValues.ts";

/** Checks the bodies of refund (RefundCardTransactionDto) and capture (CaptureCardTransactionDto). */
const receiptTypes = ["FULL_RECEIPT", "INVOICE", "INVOICE_RECEIPT", "SIMPLE_RECEIPT", "NONE"];
const taxIndicators = ["TAX_PROVIDED", "TAX_NOT_PROVIDED", "NON_TAXABLE"];

export type RefundInput = { amount: number; reason?: string };

export function parseRefundBody(raw: unknown): RefundInput {
  const problems = new Problems("body");
  const body = BodyReader.of(raw, problems, "RefundCardTransactionDto", [
    "amount",
    "reason",
    "tax_indicator",
    "detailed_amount",
    "promo_code",
    "purchase_order_number",
    "receipt_type",
  ]);
  const amount = body.integer("amount", { required: true, min: 1, max: maxAmount });
  const reason = body.string("reason", { max: 255 });
  body.oneOf("tax_indicator", taxIndicators);
  body.opaque("detailed_amount", "object");
  body.string("promo_code");
  body.string("purchase_order_number", { max: 17 });
  body.oneOf("receipt_type", receiptTypes);
  problems.throwIfAny();
  return { amount: amount as number, ...(reason ? { reason } : {}) };
}

export type CaptureInput = { amount: number; final: boolean };

export function parseCaptureBody(raw: unknown): CaptureInput {
  const problems = new Problems("body");
  const body = BodyReader.of(raw, problems, "CaptureCardTransactionDto", [
    "amount",
    "purchase_order_number",
    "tax_indicator",
    "multiple_captures",
    "issuer_instalment",
    "line_items",
    "detailed_amount",
    "receipt_type",
  ]);
  const amount = body.integer("amount", { required: true, min: 1, max: maxAmount });
  body.string("purchase_order_number", { max: 17 });
  body.oneOf("tax_indicator", taxIndicators);
  const multiple = body.object("multiple_captures", "MultipleCapturesDto", [
    "final_capture",
    "capture_sequence_number",
    "capture_sequence_count",
  ]);
  const final = multiple?.boolean("final_capture", { required: true });
  multiple?.integer("capture_sequence_number", { min: 1, max: 99 });
  multiple?.integer("capture_sequence_count", { min: 2, max: 99 });
  body.opaque("issuer_instalment", "object");
  body.opaque("line_items", "array");
  body.opaque("detailed_amount", "object");
  body.oneOf("receipt_type", receiptTypes);
  problems.throwIfAny();
  return { amount: amount as number, final: final ?? false };
}
