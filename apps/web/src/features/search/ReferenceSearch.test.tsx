// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { type Answer, type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import FindPage from "./FindPage.tsx";
import { ReferenceSearch } from "./ReferenceSearch.tsx";

const user = { id: "u", email: "support@demo.test", name: "Sam", role: "support" as const };
const match = (kind: string, id: string, matched: string[]) => ({
  kind,
  id,
  matched,
  createdAt: "2026-11-14T10:00:00.000Z",
  amount: 1250,
  currency: "EUR",
  status: "Y",
  cardBrand: "VISA",
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function render(path: string, found: (q: string) => Answer) {
  const calls: Call[] = [];
  const server = (call: Call): Answer => {
    calls.push(call);
    if (call.path === "search.find") return found((call.input as { q: string }).q);
    return trpcError("NOT_FOUND", 404, call.path);
  };
  const shell = (
    <>
      <ReferenceSearch />
      <input aria-label="Another field" />
      <Where />
    </>
  );
  renderApp({
    path,
    user,
    server,
    routes: [
      {
        path: "/find",
        element: (
          <>
            {shell}
            <FindPage />
          </>
        ),
      },
      { path: "*", element: shell },
    ],
  });
  return calls;
}

describe("the header search box", () => {
  it("`/` focuses it, but not while typing elsewhere; Enter goes to the find page", async () => {
    render("/authentications", () => trpcResult({ items: [], failed: [] }));
    const box = screen.getByLabelText("Find by id or reference");
    await userEvent.click(screen.getByLabelText("Another field"));
    await userEvent.keyboard("/");
    expect(document.activeElement).toBe(screen.getByLabelText("Another field"));
    await userEvent.click(document.body);
    await userEvent.keyboard("/");
    expect(document.activeElement).toBe(box);
    await userEvent.keyboard("ORD-ABC-1234{Enter}");
    await waitFor(() => expect(screen.getByTestId("where").textContent).toBe("/find?q=ORD-ABC-1234"));
  });

  it("refuses a full card number without sending it anywhere or putting it in the URL", async () => {
    const calls = render("/authentications", () => trpcResult({ items: [], failed: [] }));
    await userEvent.type(screen.getByLabelText("Find by id or reference"), "4111 1111 1111 1111{Enter}");
    expect(await screen.findByText(/looks like a full card number/)).toBeTruthy();
    expect(screen.getByTestId("where").textContent).toBe("/authentications");
    expect((screen.getByLabelText("Find by id or reference") as HTMLInputElement).value).toBe("");
    expect(calls).toEqual([]);
  });
});

describe("the find page", () => {
  it("one match: straight to the record", async () => {
    render("/find?q=abc", () =>
      trpcResult({ items: [match("transaction", "tx-9", ["merchant_reference"])], failed: [] }),
    );
    await waitFor(() => expect(screen.getByTestId("where").textContent).toBe("/transactions/tx-9"));
  });

  it("several matches: a list saying what matched, with links", async () => {
    render("/find?q=abc", () =>
      trpcResult({
        items: [
          match("authentication", "a-1", ["authentication.ds_transaction_id", "authentication.order_id"]),
          match("transaction", "tx-1", ["id"]),
        ],
        failed: [{ source: "tokens", message: "Verifone did not answer" }],
      }),
    );
    const rows = await screen.findAllByTestId("find-result");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain("Matched its ds_transaction_id and order id");
    expect(screen.getByRole("link", { name: "a-1" }).getAttribute("href")).toBe("/authentications/a-1");
    expect(screen.getByText(/The tokens could not be searched/)).toBeTruthy();
  });

  it("a card number in the link is refused without asking the API", async () => {
    const calls = render("/find?q=4111111111111111", () => trpcResult({ items: [], failed: [] }));
    expect(await screen.findByTestId("find-refused")).toBeTruthy();
    expect(calls).toEqual([]);
  });
});
