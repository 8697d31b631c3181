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
  it("a fast double click on Next moves two records, the second from where the first landed", async () => {
    const { router } = open("/authentications/a?limit=25");
    const next = await screen.findByTestId("detail-next");
    // Both before the router renders the first (its updates render in a transition).
    act(() => {
      fireEvent.click(next);
      fireEvent.click(next);
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/authentications/c"));
    expect(router.state.location.search).toBe("?limit=25");
  });

  it("and back: Previous twice from the last record lands two records before it", async () => {
    const { router } = open("/authentications/d");
    const previous = await screen.findByTestId("detail-previous");
    act(() => {
      fireEvent.click(previous);
      fireEvent.click(previous);
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/authentications/b"));
  });
});
