import { describe, expect, it } from "vitest";
import { createRandom } from "../random.ts";
import { refund, voidCapture } from "./actions.ts";
import { refreshStatuses } from "./statuses.ts";
import { TransactionStore } from "./transactionStore.ts";
import type { Transaction } from "./types.ts";

const hour = 3_600_000;
const now = Date.UTC(2026, 0, 10, 12);

function sale(id: string, createdMs: number): Transaction {
  return refreshStatuses({
    id,
    kind: "SALE",
    declined: false,
    amount: 1000,
    currency_code: "EUR",
    created_at: new Date(createdMs).toISOString(),
    createdMs,
    entity_id: "e",
    payment_provider_contract: "p",
    acquirer_merchant_id: "m",
    created_by: "u",
    card: { brand: "VISA", bin: "411111", last_four: "1111", masked: "411111******1111" },
    shopper_interaction: "ECOMMERCE",
    auto_capture: true,
    reason_code: "00",
    cvv_present: true,
    processor_reference: "r",
    captured: 0,
    refunded: 0,
    voided: false,
    settled: false,
    status: "",
    transaction_status: "",
  });
}
const init = (id: string, createdMs: number) => ({ id, createdMs, rng: createRandom(1) });

describe("settlement", () => {
  it("settles sales a day after they were created, not before", () => {
    const store = new TransactionStore([sale("old", now - 25 * hour), sale("young", now - 23 * hour)], now);
    expect(store.get("old")?.transaction_status).toBe("SETTLED");
    expect(store.get("young")?.transaction_status).toBe("SETTLEMENT_REQUESTED");
    store.settleDue(now + 2 * hour);
    expect(store.get("young")).toMatchObject({ status: "SETTLEMENT_COMPLETED", transaction_status: "SETTLED" });
  });

  it("lets void_capture act until settlement, and refuses it from then on", () => {
    const store = new TransactionStore([sale("a", now - 23 * hour), sale("b", now - 23 * hour)], now);
    expect(voidCapture(store, "a", init("void-a", now)).parent_id).toBe("a");
    expect(() => voidCapture(store, "b", init("void-b", now + 2 * hour))).toThrow(/settled/);
  });

  it("settles refunds too", () => {
    const store = new TransactionStore([sale("s", now - 48 * hour)], now);
    refund(store, "s", 400, init("r", now));
    expect(store.get("r")?.transaction_status).toBe("SETTLEMENT_REQUESTED");
    store.settleDue(now + 25 * hour);
    expect(store.get("r")?.transaction_status).toBe("SETTLED");
    expect(store.get("s")?.transaction_status).toBe("PARTIALLY_REFUNDED");
  });
});
