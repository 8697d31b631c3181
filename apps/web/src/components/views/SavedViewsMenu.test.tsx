// @vitest-environment jsdom

import type { VisibilityState } from "@tanstack/react-table";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { type Answer, type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import { type SavedView, SavedViewsMenu } from "./SavedViewsMenu.tsx";

const me = { id: "me", email: "ops@demo.test", name: "Olga Ops", role: "operations" as const };
const view = (over: Partial<SavedView>): SavedView => ({
  id: "v1",
  page: "authentications",
  name: "Mornings",
  query: "f=card_brand~eq~VISA&limit=100",
  shared: false,
  owner: { id: me.id, name: me.name },
  isDefault: false,
  ...over,
});

/** views.* on an in-memory list, as the API answers them. */
function fakeViews(initial: SavedView[]) {
  let items = [...initial];
  const calls: Call[] = [];
  const server = (call: Call): Answer => {
    calls.push(call);
    const input = call.input as Record<string, unknown>;
    if (call.path === "views.list") return trpcResult({ items });
    if (call.path === "views.create") {
      if (items.some((v) => v.name === input.name)) {
        return trpcError("CONFLICT", 409, `You already have a view named "${String(input.name)}" on this page`);
      }
      const made = view({ id: `v${items.length + 10}`, name: String(input.name), query: String(input.query) });
      items = [...items, made];
      return trpcResult(made);
    }
    if (call.path === "views.setDefault") {
      items = items.map((v) => ({ ...v, isDefault: v.id === input.id }));
      return trpcResult({ ok: true });
    }
    return trpcError("NOT_FOUND", 404, call.path);
  };
  return { server, calls, inputs: (path: string) => calls.filter((c) => c.path === path).map((c) => c.input) };
}

let columnsSeen: VisibilityState = {};
function Page() {
  const location = useLocation();
  const [visibility, setVisibility] = useState<VisibilityState>({ eci_flag: false });
  columnsSeen = visibility;
  return (
    <>
      <p data-testid="search">{location.search}</p>
      <SavedViewsMenu
        page="authentications"
        columns={{ visibility, onChange: setVisibility }}
        dates={{ kind: "filters", field: "created_at" }}
      />
    </>
  );
}

const render = (path: string, api: ReturnType<typeof fakeViews>) =>
  renderApp({ path, user: me, server: api.server, routes: [{ path: "/authentications", element: <Page /> }] });

describe("saved views menu", () => {
  it("saves the current filters, sort, page size and columns, without the paging offset", async () => {
    const api = fakeViews([]);
    render("/authentications?f=authentication.pares_status~eq~N&sort=-amount&limit=250&skip=500", api);
    await userEvent.click(await screen.findByTestId("views-menu"));
    await userEvent.click(await screen.findByText("Save current view…"));
    await userEvent.type(await screen.findByLabelText(/Name/), "Failed, big first");
    await userEvent.click(screen.getByLabelText("Share with everyone"));
    await userEvent.click(screen.getByRole("button", { name: "Save view" }));
    await waitFor(() =>
      expect(api.inputs("views.create")).toEqual([
        {
          page: "authentications",
          name: "Failed, big first",
          shared: true,
          query: "f=authentication.pares_status~eq~N&sort=-amount&limit=250&cols=-eci_flag",
        },
      ]),
    );
    // The menu now names the view it shows.
    await waitFor(() => expect(screen.getByTestId("views-menu").textContent).toBe("View: Failed, big first"));
  });

  it("a duplicate name is shown on the name field, the dialog stays open", async () => {
    const api = fakeViews([view({})]);
    render("/authentications?limit=50", api);
    await userEvent.click(await screen.findByTestId("views-menu"));
    await userEvent.click(await screen.findByText("Save current view…"));
    await userEvent.type(await screen.findByLabelText(/Name/), "Mornings");
    await userEvent.click(screen.getByRole("button", { name: "Save view" }));
    expect(await screen.findByText('You already have a view named "Mornings" on this page')).toBeTruthy();
    expect(screen.getByTestId("save-view-form")).toBeTruthy();
  });

  it("a blank name is refused before asking the server", async () => {
    const api = fakeViews([]);
    render("/authentications?limit=50", api);
    await userEvent.click(await screen.findByTestId("views-menu"));
    await userEvent.click(await screen.findByText("Save current view…"));
    await userEvent.click(await screen.findByRole("button", { name: "Save view" }));
    expect(await screen.findByText("Give the view a name")).toBeTruthy();
    expect(api.inputs("views.create")).toEqual([]);
  });

  it("opens a view: its query in the URL and its columns shown", async () => {
    const api = fakeViews([view({ query: "f=card_brand~eq~VISA&limit=100&cols=amount%2C-eci_flag" })]);
    render("/authentications?limit=50&skip=50", api);
    await userEvent.click(await screen.findByTestId("views-menu"));
    await userEvent.click(await screen.findByText("Mornings"));
    await waitFor(() => expect(screen.getByTestId("search").textContent).toBe("?f=card_brand~eq~VISA&limit=100"));
    expect(columnsSeen).toEqual({ amount: true, eci_flag: false });
  });

  it("the default view opens when the page is opened without a query, not otherwise", async () => {
    const api = fakeViews([view({ isDefault: true, query: "sort=amount&limit=25" })]);
    render("/authentications", api);
    await waitFor(() => expect(screen.getByTestId("search").textContent).toBe("?sort=amount&limit=25"));

    const other = fakeViews([view({ isDefault: true, query: "sort=amount&limit=25" })]);
    render("/authentications?limit=50", other);
    await waitFor(() => expect(other.inputs("views.list")).toHaveLength(1));
    expect(screen.getAllByTestId("search").at(-1)?.textContent).toBe("?limit=50");
  });

  it("makes the open view the default, and shows a colleague's shared view with their name", async () => {
    const api = fakeViews([
      view({}),
      view({ id: "v2", name: "Team", shared: true, owner: { id: "x", name: "Mia Manager" }, query: "limit=500" }),
    ]);
    render("/authentications?f=card_brand~eq~VISA&limit=100", api);
    await userEvent.click(await screen.findByTestId("views-menu"));
    expect(await screen.findByText("Mia Manager")).toBeTruthy();
    await userEvent.click(await screen.findByText("Open it with the page (default)"));
    await waitFor(() => expect(api.inputs("views.setDefault")).toEqual([{ page: "authentications", id: "v1" }]));
  });

  it("a date range up to today is saved as the last N days, and opens as the last N days of the day it is opened", async () => {
    // A list's created range is whole UTC days (what the date filter sends), whatever zone times are shown in.
    const utcDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const from = `${utcDay(6)}T00:00:00.000Z`;
    const to = `${utcDay(0)}T23:59:59.999Z`;
    const range = `f=${encodeURIComponent(`created_at~gte~${from}`)}&f=${encodeURIComponent(`created_at~lte~${to}`)}`;
    const api = fakeViews([]);
    render(`/authentications?${range}&limit=50`, api);
    await userEvent.click(await screen.findByTestId("views-menu"));
    await userEvent.click(await screen.findByText("Save current view…"));
    await userEvent.type(await screen.findByLabelText(/Name/), "Last week");
    expect((screen.getByLabelText("Keep the dates relative: the last 7 days") as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "Save view" }));
    await waitFor(() =>
      expect(api.inputs("views.create")).toEqual([
        {
          page: "authentications",
          name: "Last week",
          shared: false,
          query: "period=last-7-days&limit=50&cols=-eci_flag",
        },
      ]),
    );
    // Saved relative, it is still the view shown.
    await waitFor(() => expect(screen.getByTestId("views-menu").textContent).toBe("View: Last week"));

    const other = fakeViews([view({ name: "Three days", query: "period=last-3-days&limit=25" })]);
    render("/authentications?limit=50", other);
    await userEvent.click((await screen.findAllByTestId("views-menu")).at(-1) as HTMLElement);
    await userEvent.click(await screen.findByText("Three days"));
    const expected = `?f=${encodeURIComponent(`created_at~gte~${utcDay(2)}T00:00:00.000Z`)}&f=${encodeURIComponent(`created_at~lte~${to}`)}&limit=25`;
    await waitFor(() => expect(screen.getAllByTestId("search").at(-1)?.textContent).toBe(expected));
  });
});
