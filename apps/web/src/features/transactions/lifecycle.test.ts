import { describe, expect, it } from "vitest";
import { lifecycleOf } from "./lifecycle.ts";

const child = (transaction_type: string, amount: number, transaction_status = "SETTLED") => ({
  transaction_type,
  amount,
  transaction_status,
  currency_code: "EUR",
});

describe("a transaction's lifecycle", () => {
  it("runs the refunded total and the remainder of a payment, oldest first", () => {
    const ledger = lifecycleOf({
      amount_minor: 10_000,
      currency_code: "EUR",
      transaction_type: "SALE",
      children: [child("REFUND", 25), child("REFUND", 12.5)],
    });
    expect(ledger.remainingFor).toBe("refund");
    expect(ledger.steps.map((s) => [s.minor, s.refunded, s.remaining])).toEqual([
      [2500, 2500, 7500],
      [1250, 3750, 6250],
    ]);
    expect(ledger.refunded).toBe(3750);
  });

  it("runs the captured total of an authorisation; a declined capture moves nothing", () => {
    const ledger = lifecycleOf({
      amount_minor: 80_499,
      currency_code: "EUR",
      transaction_type: "PREAUTH",
      children: [child("CAPTURE", 455.87), child("CAPTURE", 100, "DECLINED"), child("CAPTURE", 0.12)],
    });
    expect(ledger.remainingFor).toBe("capture");
    expect(ledger.steps.map((s) => [s.counts, s.captured, s.remaining])).toEqual([
      [true, 45_587, 34_912],
      [false, 45_587, 34_912],
      [true, 45_599, 34_900],
    ]);
  });

  it("leaves nothing after a void, and an unreadable amount makes the remainder unknown", () => {
    const voided = lifecycleOf({
      amount_minor: 500,
      currency_code: "JPY",
      transaction_type: "AUTHORISATION",
      children: [{ transaction_type: "VOID", amount: 500, transaction_status: "COMPLETED" }],
    });
    expect(voided.steps[0]?.remaining).toBe(0);
    const unreadable = lifecycleOf({
      amount_minor: 500,
      currency_code: "EUR",
      transaction_type: "SALE",
      children: [{ transaction_type: "REFUND", amount: "abc", transaction_status: "SETTLED" }],
    });
    expect(unreadable.steps[0]?.remaining).toBeNull();
  });
});
