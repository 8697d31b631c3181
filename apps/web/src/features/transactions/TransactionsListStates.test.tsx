// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Answer, type Call, renderApp, trpcResult } from "../../test/renderApp.tsx";
import TransactionsPage from "./TransactionsPage.tsx";

const row = (id: string) => ({
  id,
  amount: 12.5,
  amount_minor: 1250,
  currency_code: "EUR",
  transaction_type: "SALE",
  transaction_status: "SETTLED",
  created_at: "2026-11-14T23:59:00.000Z",
  liability: { liable: "MERCHANT", reason: "NO_3DS", eci: "UNKNOWN" },
  liabilityOf: null,
  actions: { refundable: 1250, capturable: 0, voidable: 0, voidKind: null, reasons: {} },
});

function open(path: string, server: (call: Call) => Answer | Promise<Answer>) {
  return renderApp({
    path,
    user: { id: "u", email: "ops@demo.test", name: "Ola", role: "operations" },
    // The page's saved-views menu asks for the person's views: none here.
    server: (call) => (call.path === "views.list" ? trpcResult({ items: [] }) : server(call)),
    routes: [{ path: "/transactions", element: <TransactionsPage /> }],
  });
}

describe("the transactions list while it loads and when it cannot count", () => {
  it("asks for the count of a dated view too, and says 'More than' when the count stopped at its cap", async () => {
    const inputs: unknown[] = [];
    open("/transactions?f=created_at~gte~2026-11-01&f=created_at~lte~2026-11-14", (call) => {
      if (call.path === "transactions.count") {
        inputs.push(call.input);
        return trpcResult({ count: 5000, atLeast: true });
      }
      return trpcResult({ items: [row("a")] });
    });
    await waitFor(() => expect(screen.getByTestId("tx-total-count").textContent).toBe("More than 5000 transactions"));
    expect(screen.getByTestId("row-range").textContent).toBe("Rows 1–1 of more than 5000");
    expect(inputs[0]).toEqual({
      filters: [
        { field: "created_at", op: "gte", value: "2026-11-01" },
        { field: "created_at", op: "lte", value: "2026-11-14" },
      ],
    });
  });

  it("marks the previous rows and count stale, with a progress indicator, until the new filter's answer comes", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { router } = open("/transactions", async (call) => {
      const filtered = JSON.stringify(call.input).includes("USD");
      if (filtered) await held;
      if (call.path === "transactions.count") return trpcResult({ count: filtered ? 7 : 120 });
      return trpcResult({ items: filtered ? [row("usd")] : [row("a"), row("b")] });
    });
    await waitFor(() =>
      expect(screen.getByTestId("tx-total-count").textContent).toBe("120 transactions in the last 7 days"),
    );
    expect(screen.queryByTestId("stale-notice")).toBeNull();
    await act(() => router.navigate("/transactions?f=currency_code~eq~USD"));
    const notice = await screen.findByTestId("stale-notice");
    expect(notice.textContent).toMatch(/rows below are the previous results/);
    expect(screen.getByTestId("tx-total-count").textContent).toBe(
      "Counting… (was 120 transactions in the last 7 days)",
    );
    expect(screen.getByTestId("tx-total-count").dataset.count).toBeUndefined();
    expect(screen.getByTestId("tx-table").closest("[aria-busy]")).not.toBeNull();
    release();
    await waitFor(() =>
      expect(screen.getByTestId("tx-total-count").textContent).toBe("7 transactions in the last 7 days"),
    );
    expect(screen.queryByTestId("stale-notice")).toBeNull();
    expect(screen.getAllByTestId("tx-row")).toHaveLength(1);
  });

  it("paging keeps a count that is still right, while the next page's rows load", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { router } = open("/transactions", async (call) => {
      if (call.path === "transactions.count") return trpcResult({ count: 120 });
      const next = (call.input as { skip: number }).skip === 50;
      if (next) await held;
      return trpcResult({ items: next ? [row("c")] : [row("a"), row("b")] });
    });
    await waitFor(() =>
      expect(screen.getByTestId("tx-total-count").textContent).toBe("120 transactions in the last 7 days"),
    );
    await act(() => router.navigate("/transactions?skip=50"));
    await screen.findByTestId("stale-notice");
    expect(screen.getByTestId("tx-total-count").textContent).toBe("120 transactions in the last 7 days");
    release();
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(1));
  });
});
