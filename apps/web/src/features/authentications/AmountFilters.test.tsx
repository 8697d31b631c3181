// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, renderApp, trpcResult } from "../../test/renderApp.tsx";
import TransactionsPage from "../transactions/TransactionsPage.tsx";
import { AuthenticationsPage } from "./AuthenticationsPage.tsx";

function open(path: string) {
  const calls: Call[] = [];
  const view = renderApp({
    path,
    user: { id: "u", email: "ops@demo.test", name: "Ola", role: "operations" },
    server: (call) => {
      calls.push(call);
      if (call.path === "views.list") return trpcResult({ items: [] });
      if (call.path.endsWith(".count")) return trpcResult({ count: 0 });
      if (call.path.endsWith(".summary")) return trpcResult({ issuer: 0, merchant: 0, total: 0, byReason: {} });
      return trpcResult({ items: [] });
    },
    routes: [
      { path: "/authentications", element: <AuthenticationsPage /> },
      { path: "/transactions", element: <TransactionsPage /> },
    ],
  });
  const sent = () =>
    calls.filter((c) => c.path.endsWith(".list")).map((c) => (c.input as { filters: unknown[] }).filters);
  return { ...view, sent };
}
const chips = () => screen.getAllByTestId("filter-chip").map((c) => c.textContent);

describe("amount filters read in one unit, and bad ones are said next to them", () => {
  it("an authentications amount reads as money in the view's currency, or says it is in minor units", async () => {
    open("/authentications?f=currency_code~eq~EUR&f=amount~gte~5000");
    await waitFor(() => expect(chips()).toContain("Amount ≥ 50.00 EUR"));
  });

  it("without a currency the chip says minor units", async () => {
    open("/authentications?f=amount~gte~5000");
    await waitFor(() => expect(chips()).toContain("Amount ≥ 5000 minor units"));
  });

  it("an inverted range and an unknown currency are not sent, with the reason inline", async () => {
    const { sent } = open("/authentications?f=currency_code~eq~EURO&f=amount~gte~5000&f=amount~lte~100");
    await screen.findByText(/Not applied: currency_code: "EURO" is not an ISO 4217 currency code/);
    expect(screen.getByText(/Not applied: amount: the upper bound is below the lower one/)).toBeTruthy();
    await waitFor(() => expect(sent().length).toBeGreaterThan(0));
    expect(sent().at(-1)).toEqual([{ field: "amount", op: "gte", value: 5000 }]);
  });

  it("a transactions amount with a decimal comma says how to write it, and the list still loads", async () => {
    const { sent } = open("/transactions?f=currency_code~eq~EUR&f=amount~eq~12,50");
    await screen.findByText(/Not applied: amount: write decimals with a point \(12.50\), not a comma/);
    await waitFor(() => expect(sent().at(-1)).toEqual([{ field: "currency_code", op: "eq", value: "EUR" }]));
  });

  it("a transactions amount (major units) reads as money in the view's currency", async () => {
    open("/transactions?f=currency_code~eq~EUR&f=amount~eq~50");
    await waitFor(() => expect(chips()).toContain("Amount = 50.00 EUR"));
  });
});

describe("the authentications list while a new filter loads", () => {
  it("marks the previous rows stale with a progress indicator until the answer comes", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const row = (id: string) => ({
      _id: id,
      amount: 1250,
      currency_code: "EUR",
      created_at: "2026-11-14T10:00:00.000Z",
      authentication: { card_brand: "VISA", pares_status: "Y" },
      liability: { liable: "ISSUER", reason: "AUTHENTICATED", eci: "FULL" },
    });
    const { router } = renderApp({
      path: "/authentications",
      user: { id: "u", email: "ops@demo.test", name: "Ola", role: "operations" },
      server: async (call) => {
        if (call.path === "views.list") return trpcResult({ items: [] });
        const filtered = JSON.stringify(call.input).includes("USD");
        if (filtered) await held;
        if (call.path.endsWith(".count")) return trpcResult({ count: filtered ? 1 : 2 });
        if (call.path.endsWith(".summary")) return trpcResult({ issuer: 0, merchant: 0, total: 0, byReason: {} });
        return trpcResult({ items: filtered ? [row("usd")] : [row("a"), row("b")] });
      },
      routes: [{ path: "/authentications", element: <AuthenticationsPage /> }],
    });
    await waitFor(() => expect(screen.getAllByTestId("auth-row")).toHaveLength(2));
    await act(() => router.navigate("/authentications?f=currency_code~eq~USD"));
    expect((await screen.findByTestId("stale-notice")).textContent).toMatch(/authentications for the new filters/);
    release();
    await waitFor(() => expect(screen.getAllByTestId("auth-row")).toHaveLength(1));
    expect(screen.queryByTestId("stale-notice")).toBeNull();
  });
});
