// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { Outlet } from "react-router";
import { describe, expect, it } from "vitest";
import { renderApp, trpcError } from "../../test/renderApp.tsx";
import AuthenticationDrawer from "./AuthenticationDrawer.tsx";
import type { ListOutletContext } from "./AuthenticationsPage.tsx";

const ids = ["a", "b", "c", "d"];

/** The list page reduced to what the drawer borrows from it: the page's rows, in order. */
function List() {
  const context: ListOutletContext = {
    rowById: () => undefined,
    neighbours: (id) => {
      const at = ids.indexOf(id);
      return { previous: ids[at - 1] ?? null, next: ids[at + 1] ?? null };
    },
  };
  return <Outlet context={context} />;
}

const open = (path: string) =>
  renderApp({
    path,
    server: (call) => trpcError("NOT_FOUND", 404, call.path),
    routes: [
      { path: "/authentications", element: <List />, children: [{ path: ":id", element: <AuthenticationDrawer /> }] },
    ],
  });

describe("the record drawer's previous / next", () => {
  // A fast double click: both clicks before the router renders the first (its updates render in a transition).
  it.each([
    { from: "a", button: "detail-next", lands: "c" },
    { from: "d", button: "detail-previous", lands: "b" },
  ])("two quick clicks on $button from $from move two records, to $lands", async ({ from, button, lands }) => {
    const { router } = open(`/authentications/${from}?limit=25`);
    const target = await screen.findByTestId(button);
    act(() => {
      fireEvent.click(target);
      fireEvent.click(target);
    });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/authentications/${lands}`));
    expect(router.state.location.search).toBe("?limit=25");
  });
});
