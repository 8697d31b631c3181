// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { type Answer, type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import TransactionsPage from "./TransactionsPage.tsx";

const row = (i: number) => ({
  id: `tx-${i}`,
  amount: 12.5,
  amount_minor: 1250,
  currency_code: "EUR",
  transaction_type: "SALE",
  transaction_status: "SETTLED",
  card_brand: "VISA",
  masked_card_number: "476173******9205",
  merchant_reference: `ORD-${i}`,
  created_at: "2026-11-14T23:59:00.000Z",
  stored_credential: { stored_credential_type: "CHARGE", processing_model: "RECURRING" },
  liability: { liable: "MERCHANT", reason: "NO_3DS", eci: "UNKNOWN" },
  actions: { refundable: 1250, capturable: 0, voidable: 0, voidKind: null, reasons: {} },
});

function fakeApi(count: Answer = trpcResult({ count: 120 })) {
  const calls: Call[] = [];
  const server = (call: Call): Answer => {
    calls.push(call);
    if (call.path === "transactions.list") return trpcResult({ items: [row(1), row(2)] });
    if (call.path === "transactions.count") return count;
    return trpcError("NOT_FOUND", 404, call.path);
  };
  const inputs = (path: string) => calls.filter((c) => c.path === path).map((c) => c.input);
  return { server, inputs };
}

function open(path: string, api: ReturnType<typeof fakeApi>) {
  return renderApp({
    path,
    user: { id: "u", email: "support@demo.test", name: "Sam", role: "support" },
    server: api.server,
    routes: [
      { path: "/transactions", element: <TransactionsPage /> },
      { path: "/transactions/:id", element: <p data-testid="detail-route">detail</p> },
    ],
  });
}

afterEach(() => window.localStorage.clear());

describe("the transactions list", () => {
  it("sends the URL's filters and page, and shows rows, count, liability and stored-credential type", async () => {
    const api = fakeApi();
    // The stored-credential column is one of those hidden by default (to fit 1280 px): this user chose it.
    window.localStorage.setItem("vbo.transactions.columns", JSON.stringify({ stored_credential: true }));
    open("/transactions?f=transaction_type~eq~SALE&f=transaction_status~eq~SETTLED&limit=50&skip=50", api);
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(2));
    const filters = [
      { field: "transaction_type", op: "eq", value: "SALE" },
      { field: "transaction_status", op: "eq", value: "SETTLED" },
    ];
    expect(api.inputs("transactions.list")).toContainEqual({
      filters,
      sort: [{ field: "created_at", desc: true }],
      limit: 50,
      skip: 50,
    });
    await waitFor(() => expect(screen.getByTestId("tx-total-count").getAttribute("data-count")).toBe("120"));
    const first = screen.getAllByTestId("tx-row")[0];
    expect(first?.textContent).toContain("12.50 EUR");
    expect(first?.textContent).toContain("Merchant");
    expect(first?.textContent).toContain("Charge · MIT");
  });

  it("says an undated list covers Verifone's default window, the last 7 days, and a dated one does not", async () => {
    const undated = open("/transactions", fakeApi());
    await waitFor(() => expect(screen.getByTestId("tx-total-count").getAttribute("data-count")).toBe("120"));
    expect(screen.getByTestId("tx-total-count").textContent).toBe("120 transactions in the last 7 days");
    expect(screen.getByTestId("tx-default-window").textContent).toMatch(/Verifone's default.*Created/);
    undated.unmount();
    open("/transactions?f=created_at~gte~2026-11-01&f=created_at~lte~2026-11-10", fakeApi());
    await waitFor(() => expect(screen.getByTestId("tx-total-count").getAttribute("data-count")).toBe("120"));
    expect(screen.getByTestId("tx-total-count").textContent).toBe("120 transactions");
    expect(screen.queryByTestId("tx-default-window")).toBeNull();
  });

  it("holds back a created range over a month and says why next to it, instead of sending it", async () => {
    const api = fakeApi();
    open("/transactions?f=created_at~gte~2024-01-01&f=created_at~lte~2024-03-01", api);
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(2));
    expect(screen.getAllByText(/Not applied: created_at: Verifone lists at most one month/)).toHaveLength(2);
    expect(
      api.inputs("transactions.list").every((input) => (input as { filters: unknown[] }).filters.length === 0),
    ).toBe(true);
  });

  it("says the count is unavailable when it fails, and still pages", async () => {
    open("/transactions", fakeApi(trpcError("BAD_REQUEST", 400, "Verifone refused the request")));
    await waitFor(() =>
      expect(screen.getByTestId("tx-total-count").textContent).toMatch(/^Count unavailable: Verifone refused/),
    );
    expect(screen.getAllByTestId("tx-row")).toHaveLength(2);
  });

  it("opens a row at its own URL, keeping the list's search params", async () => {
    const { router } = open("/transactions?f=currency_code~eq~EUR", fakeApi());
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(2));
    await user.click(screen.getAllByTestId("tx-row")[1] as HTMLElement);
    await screen.findByTestId("detail-route");
    expect(router.state.location.pathname).toBe("/transactions/tx-2");
    expect(router.state.location.search).toBe("?f=currency_code~eq~EUR");
  });
});
