// @vitest-environment jsdom
import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Filter } from "@vbo/verifone/fields";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { theme } from "../../theme.ts";
import { FilterChips } from "./FilterChips.tsx";
import { removeFilterAt } from "./quickFilterModel.ts";

/** The chips over a filter list that removals update as the list pages do (each update on the list as it is). */
function Harness({ initial }: { initial: Filter[] }) {
  const [filters, setFilters] = useState(initial);
  return (
    <>
      <FilterChips
        filters={filters}
        onRemove={(index) => setFilters(removeFilterAt(filters, index))}
        onClearAll={() => setFilters([])}
      />
      <output data-testid="left">{JSON.stringify(filters)}</output>
    </>
  );
}

describe("FilterChips", () => {
  it("removing the chip of a range of days removes both bounds, and only them", async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider theme={theme}>
        <Harness
          initial={[
            { field: "created_at", op: "gte", value: "2026-11-01T00:00:00.000Z" },
            { field: "currency_code", op: "eq", value: "EUR" },
            { field: "created_at", op: "lte", value: "2026-11-10T23:59:59.999Z" },
          ]}
        />
      </MantineProvider>,
    );
    const chips = screen.getAllByTestId("filter-chip").map((chip) => chip.textContent);
    expect(chips).toEqual(["Created from 1 Nov 2026 to 10 Nov 2026 (UTC days)", "Currency = EUR"]);
    const remove = screen.getAllByTestId("filter-chip")[0]?.querySelector("button") as HTMLButtonElement;
    expect(remove.getAttribute("aria-label")).toBe("Remove filter Created from 1 Nov 2026 to 10 Nov 2026 (UTC days)");
    await user.click(remove);
    expect(JSON.parse(screen.getByTestId("left").textContent ?? "")).toEqual([
      { field: "currency_code", op: "eq", value: "EUR" },
    ]);
  });
});
