// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, trpcResult } from "../../test/renderApp.tsx";
import TransactionPage from "./TransactionPage.tsx";

const sale = {
  id: "sale-1",
  amount: "12.50",
  amount_minor: 1250,
  currency_code: "EUR",
  transaction_type: "SALE",
  transaction_status: "REFUNDED",
  created_at: "2026-11-14T10:00:00.000Z",
  liability: { liable: "ISSUER", reason: "AUTHENTICATED", eci: "FULL" },
  liabilityOf: null,
  actions: { refundable: 0, capturable: 0, voidable: 0, voidKind: null, reasons: {} },
  children: [
    {
      id: "refund-1",
      parent_id: "sale-1",
      transaction_type: "REFUND",
      transaction_status: "SETTLED",
      amount: 12.5,
      currency_code: "EUR",
      created_at: "2026-11-15T10:00:00.000Z",
    },
  ],
};

describe("the lifecycle ledger", () => {
  it("the payment's own row does not claim its original amount is left to refund", async () => {
    renderApp({
      path: "/transactions/sale-1",
      user: { id: "u", email: "ops@demo.test", name: "Ola", role: "operations" },
      server: () => trpcResult(sale),
      routes: [{ path: "/transactions/:id", element: <TransactionPage /> }],
    });
    const origin = await screen.findByTestId("tx-lifecycle-origin");
    expect(within(origin).getByTestId("tx-origin-left").textContent).toBe("—");
    expect(origin.textContent).not.toContain("12.50 EUR12.50 EUR");
    const step = screen.getByTestId("tx-child");
    expect(step.textContent).toContain("0.00 EUR");
    expect(screen.getByTestId("tx-remaining").textContent).toBe("Nothing is left to capture or refund");
  });
});
