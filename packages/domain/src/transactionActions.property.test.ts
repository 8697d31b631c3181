import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minorToMajorString } from "./money.ts";
import {
  checkCapture,
  checkRefund,
  checkVoid,
  type TransactionActions,
  type TransactionLike,
  transactionActions,
} from "./transactionActions.ts";

// A small ledger that applies every move the rules allow, as Verifone would, and checks that money never overflows.
const currencies = ["EUR", "JPY", "BHD"] as const;

function major(minor: number, currency: string, asNumber: boolean): string | number {
  const text = minorToMajorString(minor, currency);
  return asNumber ? Number(text) : text;
}

const scenario = fc.record({
  root: fc.constantFrom("SALE", "PREAUTH", "AUTHORISATION"),
  settledSale: fc.boolean(),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  currency: fc.constantFrom(...currencies),
  numbers: fc.boolean(),
  ops: fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constantFrom("refund" as const, "capture" as const),
        target: fc.nat({ max: 6 }),
        amount: fc.option(fc.oneof(fc.integer({ min: -10, max: 6_000_000 }), fc.double()), { nil: undefined }),
      }),
      fc.record({ kind: fc.constantFrom("void" as const, "settle" as const), target: fc.nat({ max: 6 }) }),
    ),
    { maxLength: 30 },
  ),
});

function minorOf(tx: TransactionLike): number {
  return Math.round(Number(tx.amount) * 10 ** (tx.currency_code === "JPY" ? 0 : tx.currency_code === "BHD" ? 3 : 2));
}

describe("no sequence of moves applied through these rules overflows", () => {
  it("refunds ≤ captured ≤ authorised, a void releases exactly what is left, remainders stay in range", () => {
    fc.assert(
      fc.property(scenario, ({ root, settledSale, amount, currency, numbers, ops }) => {
        const world: TransactionLike[] = [
          {
            id: "root",
            amount: major(amount, currency, numbers),
            currency_code: currency,
            transaction_type: root,
            transaction_status: root === "SALE" ? (settledSale ? "SETTLED" : "AUTHORISED") : "AUTHORISED",
          },
        ];
        // Only the money-moving transactions (root and captures) are targets.
        const targets = () => world.filter((t) => t.transaction_type !== "REFUND" && t.transaction_type !== "VOID");
        let next = 0;
        const add = (parent: TransactionLike, type: string, minor: number) => {
          world.push({
            id: `x${next++}`,
            parent_id: parent.id ?? null,
            amount: major(minor, currency, numbers),
            currency_code: currency,
            transaction_type: type,
            transaction_status: "AUTHORISED",
          });
        };
        for (const op of ops) {
          const list = targets();
          const tx = list[op.target % list.length] as TransactionLike;
          const actions: TransactionActions = transactionActions(tx, world);
          for (const value of [actions.refundable, actions.capturable, actions.voidable]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(minorOf(tx));
          }
          if (op.kind === "refund") {
            const check = checkRefund(actions, op.amount as number, currency);
            if (check.ok) add(tx, "REFUND", check.amount);
          } else if (op.kind === "capture") {
            const check = checkCapture(actions, op.amount, currency);
            if (check.ok) add(tx, "CAPTURE", check.amount);
          } else if (op.kind === "void") {
            const check = checkVoid(actions);
            if (check.ok) add(tx, "VOID", check.amount);
          } else if (tx.transaction_type !== "PREAUTH" && tx.transaction_type !== "AUTHORISATION") {
            tx.transaction_status = "SETTLED";
          }
        }
        for (const tx of targets()) {
          const kids = world.filter((c) => c.parent_id === tx.id);
          const sum = (type: string) =>
            kids.filter((c) => c.transaction_type === type).reduce((s, c) => s + minorOf(c), 0);
          const voided = kids.some((c) => c.transaction_type === "VOID");
          expect(sum("CAPTURE")).toBeLessThanOrEqual(minorOf(tx));
          expect(sum("REFUND")).toBeLessThanOrEqual(minorOf(tx));
          const isHold = tx.transaction_type === "PREAUTH" || tx.transaction_type === "AUTHORISATION";
          // A void of a hold releases what its captures left (all of it before any capture); a payment's void is
          // of its full amount, so only while nothing is refunded.
          if (voided && isHold) expect(sum("CAPTURE") + sum("VOID")).toBe(minorOf(tx));
          if (voided && !isHold) expect(sum("REFUND") + sum("CAPTURE")).toBe(0);
          expect(kids.filter((c) => c.transaction_type === "VOID").length).toBeLessThanOrEqual(1);
          if (tx.transaction_type === "PREAUTH" || tx.transaction_type === "AUTHORISATION")
            expect(sum("REFUND")).toBe(0);
        }
        const refunded = world.filter((t) => t.transaction_type === "REFUND").reduce((s, t) => s + minorOf(t), 0);
        expect(refunded).toBeLessThanOrEqual(amount);
      }),
      { numRuns: 400 },
    );
  });

  it("an allowed amount is always accepted, and one unit more always refused", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.constantFrom(...currencies),
        (amount, refundedRaw, currency) => {
          const refunded = Math.min(refundedRaw, amount);
          const tx: TransactionLike = {
            id: "t-1",
            amount: minorToMajorString(amount, currency),
            currency_code: currency,
            transaction_type: "SALE",
            transaction_status: "SETTLED",
          };
          const kids =
            refunded > 0
              ? [
                  {
                    parent_id: "t-1",
                    amount: minorToMajorString(refunded, currency),
                    currency_code: currency,
                    transaction_type: "REFUND",
                    transaction_status: "SETTLED",
                  },
                ]
              : [];
          const actions = transactionActions(tx, kids);
          expect(actions.refundable).toBe(amount - refunded);
          if (actions.refundable > 0) expect(checkRefund(actions, actions.refundable, currency).ok).toBe(true);
          expect(checkRefund(actions, actions.refundable + 1, currency).ok).toBe(false);
        },
      ),
    );
  });
});
