import { describe, expect, it } from "vitest";
import {
  checkCapture,
  checkRefund,
  checkVoid,
  type TransactionLike,
  transactionActions,
} from "./transactionActions.ts";

const sale = (over: Partial<TransactionLike> = {}): TransactionLike => ({
  id: "t-1",
  amount: "100.00",
  currency_code: "EUR",
  transaction_type: "SALE",
  transaction_status: "SETTLED",
  ...over,
});
const preauth = (over: Partial<TransactionLike> = {}): TransactionLike =>
  sale({ transaction_type: "PREAUTH", transaction_status: "AUTHORISED", ...over });
const child = (type: string, amount: string | number, over: Partial<TransactionLike> = {}): TransactionLike => ({
  id: `c-${type}-${amount}`,
  parent_id: "t-1",
  amount,
  currency_code: "EUR",
  transaction_type: type,
  transaction_status: "APPROVED",
  ...over,
});

describe("a sale (money taken)", () => {
  it("settled: refundable in full, not voidable, never capturable", () => {
    expect(transactionActions(sale())).toEqual({
      refundable: 10_000,
      capturable: 0,
      voidable: 0,
      voidKind: null,
      reasons: {
        capture: "This payment has already been captured",
        void: "This payment has been settled: refund it instead of voiding",
      },
    });
  });

  it("not yet settled: refundable, or voidable for its full amount with void_capture", () => {
    expect(transactionActions(sale({ transaction_status: "AUTHORISED" }))).toMatchObject({
      refundable: 10_000,
      voidable: 10_000,
      voidKind: "void_capture",
    });
  });

  it("subtracts its refunds (list amounts are numbers, single reads strings) and ignores declined ones", () => {
    const children = [
      child("REFUND", 12.5),
      child("REFUND", "30.00"),
      child("REFUND", "50.00", { transaction_status: "DECLINED" }),
      child("REFUND", "7.00", { parent_id: "someone-else" }),
    ];
    const actions = transactionActions(sale({ transaction_status: "PARTIALLY_REFUNDED" }), children);
    expect(actions.refundable).toBe(5_750);
    expect(actions.reasons.refund).toBeUndefined();
  });

  it("counts a pending refund, so the remainder is never overstated", () => {
    const children = [child("REFUND", "60.00", { transaction_status: "INITIATED" })];
    expect(transactionActions(sale(), children).refundable).toBe(4_000);
  });

  it("is not voidable once partly refunded (void_capture is full-amount only)", () => {
    const actions = transactionActions(sale({ transaction_status: "AUTHORISED" }), [child("REFUND", "1.00")]);
    expect(actions).toMatchObject({ refundable: 9_900, voidable: 0, voidKind: null });
    expect(actions.reasons.void).toMatch(/a void must cover the full amount/);
  });

  it("fully refunded: nothing left", () => {
    const actions = transactionActions(sale({ transaction_status: "REFUNDED" }));
    expect(actions).toMatchObject({ refundable: 0, voidable: 0 });
    expect(actions.reasons.refund).toBe("This payment has been fully refunded");
    expect(actions.reasons.void).toBe("This payment has been fully refunded");
    expect(transactionActions(sale(), [child("REFUND", "100.00")]).reasons.refund).toBe(
      "This payment has been fully refunded",
    );
  });

  it("partly refunded without its refunds at hand: the remainder is unknown, so nothing is offered", () => {
    const actions = transactionActions(sale({ transaction_status: "PARTIALLY_REFUNDED" }));
    expect(actions.refundable).toBe(0);
    expect(actions.reasons.refund).toMatch(/remainder is unknown/);
  });

  it("voided (a VOID child or a CANCELLED status): nothing", () => {
    for (const actions of [
      transactionActions(sale({ transaction_status: "AUTHORISED" }), [child("VOID", "100.00")]),
      transactionActions(sale({ transaction_status: "CANCELLED" })),
    ]) {
      expect(actions).toMatchObject({ refundable: 0, capturable: 0, voidable: 0 });
      expect(actions.reasons.refund).toBe("This payment has been voided");
    }
  });

  it.each([
    ["DECLINED", "This transaction was declined: no money moved"],
    ["FAILED", "This transaction failed: no money moved"],
    ["EXPIRED", "This transaction expired: nothing is left to act on"],
    ["DISPUTED", "This payment is disputed (chargeback): refund or void it only once the dispute is settled"],
    ["INITIATED", "This transaction is initiated; actions are possible once it is authorised or settled"],
    ["", "This transaction has no status yet, so no action is possible"],
  ])("status %j allows nothing: %s", (status, reason) => {
    expect(transactionActions(sale({ transaction_status: status }))).toMatchObject({
      refundable: 0,
      voidable: 0,
      reasons: { refund: reason, void: reason },
    });
  });

  it("uses the currency's exponent", () => {
    expect(transactionActions(sale({ amount: 1250, currency_code: "JPY" })).refundable).toBe(1250);
    expect(transactionActions(sale({ amount: "1.250", currency_code: "BHD" })).refundable).toBe(1250);
  });

  it("offers nothing when the amount or currency cannot be read", () => {
    for (const tx of [sale({ amount: "12.345" }), sale({ amount: null }), sale({ currency_code: "" })]) {
      expect(transactionActions(tx)).toMatchObject({ refundable: 0, capturable: 0, voidable: 0 });
      expect(transactionActions(tx).reasons.refund).toBe("The amount or currency of this transaction cannot be read");
    }
    const unreadableRefund = transactionActions(sale(), [child("REFUND", "abc")]);
    expect(unreadableRefund.refundable).toBe(0);
    expect(unreadableRefund.reasons.refund).toMatch(/refunds cannot be read/);
  });
});

describe("an authorisation (money held)", () => {
  it("capturable and voidable in full while the hold stands; never refunded itself", () => {
    expect(transactionActions(preauth())).toEqual({
      refundable: 0,
      capturable: 10_000,
      voidable: 10_000,
      voidKind: "void",
      reasons: { refund: "Nothing has been captured from this authorisation: void it instead of refunding" },
    });
  });

  it("captures reduce what is capturable; the rest can be released, so it does not stay held", () => {
    const actions = transactionActions(preauth(), [child("CAPTURE", "40.00"), child("PREAUTH_COMPLETION", 10)]);
    expect(actions).toMatchObject({ capturable: 5_000, voidable: 5_000, voidKind: "release" });
    expect(actions.reasons.void).toBeUndefined();
    expect(actions.reasons.refund).toBe("An authorisation is not refunded itself: refund its capture");
    expect(checkVoid(actions)).toEqual({ ok: true, amount: 5_000 });
  });

  it("after the rest is released nothing more is captured or released", () => {
    const actions = transactionActions(preauth(), [child("CAPTURE", "40.00"), child("VOID", "60.00")]);
    expect(actions).toMatchObject({ capturable: 0, voidable: 0, voidKind: null });
    expect(actions.reasons.void).toBe("The rest of this authorisation has been released");
  });

  it("trusts payment_summary.captured_amount when it says more than the children", () => {
    expect(transactionActions(preauth({ payment_summary: { captured_amount: "75.00" } })).capturable).toBe(2_500);
  });

  it("fully captured: nothing left to capture", () => {
    const actions = transactionActions(preauth(), [child("CAPTURE", "100.00")]);
    expect(actions.capturable).toBe(0);
    expect(actions.reasons.capture).toBe("This authorisation has been fully captured");
  });

  it("voided, expired or no longer holding: nothing", () => {
    expect(transactionActions(preauth(), [child("VOID", "100.00")]).reasons.capture).toBe(
      "This authorisation has been voided",
    );
    expect(transactionActions(preauth({ transaction_status: "EXPIRED" })).reasons.capture).toBe(
      "This transaction expired: nothing is left to act on",
    );
    expect(transactionActions(preauth({ transaction_status: "SETTLED" })).reasons.void).toBe(
      "This authorisation is settled: it can no longer be captured or voided",
    );
  });

  it("after a void the refund hint says it was voided, never 'void it instead'", () => {
    expect(transactionActions(preauth(), [child("VOID", "100.00")]).reasons.refund).toBe(
      "This authorisation has been voided",
    );
    expect(transactionActions(preauth({ transaction_status: "CANCELLED" })).reasons.refund).toBe(
      "This authorisation has been voided",
    );
    expect(transactionActions(preauth()).reasons.refund).toMatch(/void it instead of refunding/);
  });

  it("AUTHORISATION and REAUTHORISATION behave like PREAUTH", () => {
    for (const type of ["AUTHORISATION", "REAUTHORISATION"]) {
      expect(transactionActions(preauth({ transaction_type: type })).capturable).toBe(10_000);
    }
  });
});

describe("other transactions", () => {
  it.each(["REFUND", "VOID", "CARD_VERIFICATION", "BALANCE"])("a %s allows nothing", (type) => {
    const actions = transactionActions(sale({ transaction_type: type }));
    expect(actions).toMatchObject({ refundable: 0, capturable: 0, voidable: 0, voidKind: null });
    expect(actions.reasons.refund).toMatch(/cannot be refunded, captured or voided/);
  });

  it("a zero-amount payment allows nothing", () => {
    expect(transactionActions(sale({ amount: 0 })).reasons.refund).toMatch(/for 0/);
  });
});

describe("checkRefund / checkCapture / checkVoid", () => {
  const eur = transactionActions(sale(), [child("REFUND", "87.50")]);

  it("refuses one cent more than the remainder, saying what is allowed", () => {
    expect(checkRefund(eur, 1_251, "EUR")).toEqual({ ok: false, message: "at most 12.50 EUR can still be refunded" });
    expect(checkRefund(eur, 1_250, "EUR")).toEqual({ ok: true, amount: 1_250 });
    const yen = transactionActions(sale({ amount: 125_000, currency_code: "JPY" }));
    expect(checkRefund(yen, 125_001, "JPY")).toEqual({
      ok: false,
      message: "at most 125,000 JPY can still be refunded",
    });
  });

  it("refuses amounts that are not whole minor units above zero", () => {
    for (const amount of [0, -1, 1.5, Number.NaN]) {
      expect(checkRefund(eur, amount, "EUR")).toMatchObject({
        ok: false,
        message: expect.stringMatching(/minor units/),
      });
    }
  });

  it("gives the reason when the action is not allowed at all", () => {
    expect(checkRefund(transactionActions(sale({ transaction_status: "REFUNDED" })), 1, "EUR")).toEqual({
      ok: false,
      message: "This payment has been fully refunded",
    });
    expect(checkCapture(eur, 1, "EUR")).toEqual({ ok: false, message: "This payment has already been captured" });
    expect(checkVoid(eur)).toEqual({
      ok: false,
      message: "This payment has been settled: refund it instead of voiding",
    });
  });

  it("a capture without an amount takes the whole remainder", () => {
    const actions = transactionActions(preauth(), [child("CAPTURE", "30.00")]);
    expect(checkCapture(actions, undefined, "EUR")).toEqual({ ok: true, amount: 7_000 });
    expect(checkCapture(actions, 7_001, "EUR")).toEqual({
      ok: false,
      message: "at most 70.00 EUR can still be captured",
    });
  });

  it("a void releases the full amount", () => {
    expect(checkVoid(transactionActions(preauth()))).toEqual({ ok: true, amount: 10_000 });
  });
});
