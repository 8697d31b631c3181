// @vitest-environment jsdom
import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ListTotals } from "./ListTotals.tsx";

const totals = (total: number, scope?: string) =>
  render(
    <MantineProvider>
      <ListTotals
        noun="events"
        testId="n"
        total={total}
        counting={false}
        countFailed={false}
        skip={0}
        shown={total}
        scope={scope}
      />
    </MantineProvider>,
  );

describe("the list's count", () => {
  it("says one event, two events, and keeps the scope after the noun", () => {
    totals(1);
    expect(screen.getByTestId("n").textContent).toBe("1 event");
    totals(2, "in the last 7 days");
    expect(screen.getAllByTestId("n")[1]?.textContent).toBe("2 events in the last 7 days");
  });
});
