// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { authenticationsListCodec } from "../../features/authentications/urlState.ts";
import { renderApp, trpcError } from "../../test/renderApp.tsx";
import { eqPicker } from "./quickFilterModel.ts";
import { useListState } from "./useListState.ts";

/** A list page reduced to its URL state: two quick filters changed in one go, and paging. */
function Probe() {
  const { state, setState, paging } = useListState(authenticationsListCodec);
  const onChange = (update: Parameters<Parameters<typeof eqPicker>[1]>[0]) =>
    setState((current) => ({ filters: update(current.filters) }));
  const both = () => {
    // Both before React renders the first: the second must build on the first.
    eqPicker(state.filters, onChange, "authentication.pares_status").onChange(["N"]);
    eqPicker(state.filters, onChange, "authentication.card_brand").onChange(["VISA"]);
  };
  return (
    <>
      <button type="button" onClick={both}>
        both
      </button>
      <button
        type="button"
        onClick={() => {
          paging.onLimit(100);
          paging.onNext();
        }}
      >
        size then next
      </button>
      <output data-testid="filters">{JSON.stringify(state.filters)}</output>
      <output data-testid="paging">{`${state.limit}/${state.skip}`}</output>
    </>
  );
}

const open = (path: string) =>
  renderApp({
    path,
    server: (call) => trpcError("NOT_FOUND", 404, call.path),
    routes: [{ path: "/authentications", element: <Probe /> }],
  });

describe("the list's URL state", () => {
  it("keeps two filter changes made before the first has rendered", async () => {
    const { router } = open("/authentications");
    await userEvent.setup().click(screen.getByRole("button", { name: "both" }));
    await waitFor(() =>
      expect(JSON.parse(screen.getByTestId("filters").textContent ?? "[]")).toEqual([
        { field: "authentication.pares_status", op: "eq", value: "N" },
        { field: "authentication.card_brand", op: "eq", value: "VISA" },
      ]),
    );
    expect(router.state.location.search).toContain("pares_status");
    expect(router.state.location.search).toContain("card_brand");
  });

  it("a new page size then the next page lands on the second page of the new size", async () => {
    open("/authentications");
    await userEvent.setup().click(screen.getByRole("button", { name: "size then next" }));
    await waitFor(() => expect(screen.getByTestId("paging").textContent).toBe("100/100"));
  });

  it("forgets what it asked for when the user goes elsewhere (back)", async () => {
    const { router } = open("/authentications?f=authentication.pares_status~eq~Y");
    await userEvent.setup().click(screen.getByRole("button", { name: "both" }));
    await waitFor(() => expect(router.state.location.search).toContain("card_brand"));
    // The two changes of one click are one history entry: back is the view before the click.
    const before = [{ field: "authentication.pares_status", op: "eq", value: "Y" }];
    await act(() => router.navigate(-1));
    await waitFor(() => expect(JSON.parse(screen.getByTestId("filters").textContent ?? "")).toEqual(before));
    await userEvent.setup().click(screen.getByRole("button", { name: "size then next" }));
    await waitFor(() => expect(screen.getByTestId("paging").textContent).toBe("100/100"));
    expect(JSON.parse(screen.getByTestId("filters").textContent ?? "")).toEqual(before);
    // The URL follows the state within nuqs's rate limit (50 ms between URL updates).
    await waitFor(() =>
      expect(router.state.location.search).toBe("?f=authentication.pares_status~eq~Y&limit=100&skip=100"),
    );
  });
});
