// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useAuditState } from "../../features/audit/useAuditState.ts";
import { authenticationsListCodec } from "../../features/authentications/urlState.ts";
import { renderApp, trpcError } from "../../test/renderApp.tsx";
import { useListState } from "./useListState.ts";

function ListProbe() {
  const { problems, setState, dropUnreadable } = useListState(authenticationsListCodec);
  const addFilter = (value: string) => () =>
    setState((s) => ({ filters: [...s.filters, { field: "authentication.cardholder_name", op: "eq", value }] }));
  return (
    <>
      <button type="button" onClick={addFilter("Ada Lovelace@x")}>
        first
      </button>
      <button type="button" onClick={addFilter("b~c")}>
        second
      </button>
      <button type="button" onClick={dropUnreadable}>
        drop
      </button>
      <output data-testid="problems">{problems.map((p) => p.param).join(",")}</output>
    </>
  );
}

function AuditProbe() {
  const { state, setState } = useAuditState();
  return (
    <button type="button" onClick={() => setState({ actor: "ops@demo.test" })}>
      {`actor ${state.actor || "-"} skip ${state.skip}`}
    </button>
  );
}

const open = (path: string) =>
  renderApp({
    path,
    server: (call) => trpcError("NOT_FOUND", 404, call.path),
    routes: [
      { path: "/authentications", element: <ListProbe /> },
      { path: "/audit", element: <AuditProbe /> },
    ],
  });

describe("the URL-state adapter (nuqs over React Router)", () => {
  it("writes links as before: percent-encoded, `~` readable, in the list's param order", async () => {
    const { router } = open("/authentications?sort=amount&limit=25&skip=0");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "first" }));
    await waitFor(() => expect(router.state.location.search).toContain("Ada"));
    await user.click(screen.getByRole("button", { name: "second" }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        "?f=authentication.cardholder_name~eq~Ada%20Lovelace%40x&f=authentication.cardholder_name~eq~b~c&sort=amount&limit=25&skip=0",
      ),
    );
  });

  it("drops what could not be read in place of the link, without a new history entry", async () => {
    const { router } = open("/authentications?f=nonsense&limit=0&skip=0");
    await waitFor(() => expect(screen.getByTestId("problems").textContent).toBe("f,limit"));
    const before = router.state.historyAction;
    await userEvent.setup().click(screen.getByRole("button", { name: "drop" }));
    await waitFor(() => expect(router.state.location.search).toBe("?limit=50&skip=0"));
    expect(screen.getByTestId("problems").textContent).toBe("");
    expect([before, router.state.historyAction]).toEqual(["POP", "REPLACE"]);
  });

  it("the audit trail is on the same layer: a new filter goes back to the first page, as one history entry", async () => {
    const { router } = open("/audit?skip=100");
    await userEvent.setup().click(screen.getByRole("button", { name: "actor - skip 100" }));
    await waitFor(() => expect(router.state.location.search).toBe("?actor=ops%40demo.test"));
    expect(screen.getByRole("button").textContent).toBe("actor ops@demo.test skip 0");
    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.getByRole("button").textContent).toBe("actor - skip 100"));
  });
});
