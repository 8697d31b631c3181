import { z } from "zod";

// What a refund or capture takes besides the transaction id (checked against Verifone's id shape by the API) and
// the idempotency key, as the API takes it and the money-move dialog checks it.

export const moveAmountSchema = z
  .number()
  .int("amount is in minor units: a whole number")
  .positive("amount must be more than 0");
export const refundReasonSchema = z.string().trim().max(200, "reason is at most 200 characters").optional();
export const idempotencyKeySchema = z.uuid("idempotencyKey must be a UUID (one per attempt, reused on retry)");
