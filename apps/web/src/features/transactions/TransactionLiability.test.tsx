// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import TransactionPage from "./TransactionPage.tsx";
import TransactionsPage from "./TransactionsPage.tsx";

const issuer = { liable: "ISSUER", reason: "AUTHENTICATED", eci: "FULL" };
const actions = { refundable: 0, capturable: 0, voidable: 0, voidKind: null, reasons: {} };
const base = {
  amount: 5,
  amount_minor: 500,
  currency_code: "EUR",
  transaction_status: "SETTLED",
  card_brand: "VISA",
  created_at: "2026-11-14T10:00:00.000Z",
  actions,
};
const sale = { ...base, id: "sale-1", transaction_type: "SALE", liability: issuer, liabilityOf: null };
const refund = {
  ...base,
  id: "refund-1",
  transaction_type: "REFUND",
  parent_id: "sale-1",
  liability: issuer,
  liabilityOf: "sale-1",
};
const orphan = {
  ...base,
  id: "refund-2",
  transaction_type: "REFUND",
  parent_id: "gone-1",
  liability: null,
  liabilityOf: "gone-1",
};

function open(path: string, answer: (call: Call) => unknown) {
  return renderApp({
    path,
    user: { id: "u", email: "ops@demo.test", name: "Ola", role: "operations" },
    server: (call) => {
      const data = answer(call);
      return data === undefined ? trpcError("NOT_FOUND", 404, call.path) : trpcResult(data);
    },
    routes: [
      { path: "/transactions", element: <TransactionsPage /> },
      { path: "/transactions/:id", element: <TransactionPage /> },
    ],
  });
}

describe("liability of captures, refunds and voids", () => {
  it("the list badges a refund with its payment's verdict, and an orphan with — and a link to the payment", async () => {
    open("/transactions", (call) =>
      call.path === "transactions.list" ? { items: [sale, refund, orphan] } : { count: 3 },
    );
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(3));
    const [saleRow, refundRow, orphanRow] = screen.getAllByTestId("tx-row") as HTMLElement[];
    expect(within(saleRow as HTMLElement).getByTestId("liability-badge").dataset.carried).toBeUndefined();
    const carried = within(refundRow as HTMLElement).getByTestId("liability-badge");
    expect(carried.textContent).toBe("Issuer");
    expect(carried.dataset.carried).toBe("true");
    expect(within(orphanRow as HTMLElement).queryByTestId("liability-badge")).toBeNull();
    const unknown = within(orphanRow as HTMLElement).getByTestId("liability-unknown");
    expect(unknown.textContent).toContain("—");
    const link = within(unknown).getByRole("link", { name: "see the payment" });
    expect(link.getAttribute("href")).toBe("/transactions/gone-1");
  });

  it("a refund's page says whose verdict it carries, with a link to that payment", async () => {
    open("/transactions/refund-1", (call) =>
      call.path === "transactions.get" ? { ...refund, children: [] } : undefined,
    );
    const carried = await screen.findByTestId("tx-liability-carried");
    expect(carried.textContent).toMatch(
      /refund is not authenticated itself: it carries the verdict of its original payment sale-1/,
    );
    expect(screen.getByTestId("tx-liability-of").getAttribute("href")).toBe("/transactions/sale-1");
    expect(screen.getByTestId("liability-badge").textContent).toBe("Issuer");
  });

  it("an orphan refund's page says the liability is unknown and where to look", async () => {
    open("/transactions/refund-2", (call) =>
      call.path === "transactions.get" ? { ...orphan, children: [] } : undefined,
    );
    const reason = await screen.findByTestId("tx-liability-reason");
    expect(reason.textContent).toMatch(/^— Liability unknown: .*See the payment gone-1/);
    expect(screen.queryByTestId("liability-badge")).toBeNull();
  });
});

describe("the liability filter (not one of Verifone's: applied to the page shown)", () => {
  it("keeps the rows of the page with the verdict picked, sends the rest of the filters, and says so", async () => {
    const calls: Call[] = [];
    const merchant = { ...sale, id: "sale-2", liability: { ...issuer, liable: "MERCHANT", reason: "NOT_ENROLLED" } };
    open("/transactions?f=currency_code~eq~EUR&f=liability~eq~ISSUER", (call) => {
      calls.push(call);
      return call.path === "transactions.list" ? { items: [sale, merchant, orphan] } : { count: 3 };
    });
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(1));
    expect(screen.getByTestId("tx-row").dataset.id).toBe("sale-1");
    const sent = calls
      .filter((c) => c.path === "transactions.list")
      .map((c) => (c.input as { filters: unknown[] }).filters);
    expect(sent).toEqual([[{ field: "currency_code", op: "eq", value: "EUR" }]]);
    expect(screen.getByTestId("tx-liability-note").textContent).toMatch(
      /cannot filter transactions by liability, so this filter applies to the page it returned: 1 of its 3 rows match/,
    );
    const href = decodeURIComponent(screen.getByTestId("tx-export-csv").getAttribute("href") ?? "");
    expect(JSON.parse(href.replace("/export/transactions.csv?input=", ""))).toEqual({
      filters: [{ field: "currency_code", op: "eq", value: "EUR" }],
      sort: [{ field: "created_at", desc: true }],
      liability: ["ISSUER"],
    });
  });

  it("UNKNOWN keeps the follow-ons whose payment could not be read", async () => {
    open("/transactions?f=liability~eq~UNKNOWN", (call) =>
      call.path === "transactions.list" ? { items: [sale, refund, orphan] } : { count: 3 },
    );
    await waitFor(() => expect(screen.getAllByTestId("tx-row")).toHaveLength(1));
    expect(screen.getByTestId("tx-row").dataset.id).toBe("refund-2");
  });
});
