// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { addDays } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/renderApp.tsx";
import { decodeListState } from "../authentications/urlState.ts";
import AnalyticsPage from "./AnalyticsPage.tsx";
import { analyticsServer, eq, euro, type Fixture, group } from "./fixtures.test-helpers.ts";
import { utcToday } from "./periodPresets.ts";

const manager = { id: "u1", email: "manager@demo.test", name: "Maya Manager", role: "manager" as const };

function openAnalytics(search: string, fixture: Fixture = {}) {
  const api = analyticsServer(fixture);
  const view = renderApp({
    path: `/analytics${search}`,
    user: manager,
    server: api.server,
    routes: [
      { path: "/analytics", element: <AnalyticsPage /> },
      { path: "/authentications", element: <p data-testid="authentications-list">list</p> },
    ],
  });
  return { ...view, calls: api.calls };
}

const section = (id: string) => screen.findByTestId(`section-${id}`);

describe("the Analytics page", () => {
  it("asks for the period of the URL, every breakdown at once, and keeps a relative period relative", async () => {
    const { calls, router } = openAnalytics("?period=last-7-days&compare=1");
    const today = utcToday(new Date());
    await screen.findAllByTestId("breakdown-row");
    const byTime = calls.find(
      (c) => c.path === "analytics.authentications" && (c.input as { by: string }).by === "day",
    );
    expect(byTime?.input).toEqual({ from: addDays(today, -6), to: today, by: "day", compare: true, filters: [] });
    const dimensions = calls
      .filter((c) => c.path === "analytics.authentications")
      .map((c) => (c.input as { by: string }).by)
      .sort();
    expect(dimensions).toEqual(["card_brand", "currency_code", "day", "eci_flag", "reason", "threeds_version"]);
    expect(calls.some((c) => c.path === "analytics.payments")).toBe(true);
    expect(calls.some((c) => c.path === "analytics.status")).toBe(true);
    expect(router.state.location.search).toBe("?period=last-7-days&compare=1");
    expect(screen.getByText(/Days are UTC days/)).toBeTruthy();
  });

  it("switches preset and compare through the URL", async () => {
    const { calls, router } = openAnalytics("?period=last-7-days&compare=1");
    const user = userEvent.setup();
    await screen.findAllByTestId("breakdown-row");
    await user.click(screen.getByText("Last month"));
    await waitFor(() => expect(router.state.location.search).toBe("?period=last-month&compare=1"));
    const today = utcToday(new Date());
    const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
    await waitFor(() =>
      expect(calls.some((c) => (c.input as { to?: string } | undefined)?.to === lastMonthEnd)).toBe(true),
    );
    await user.click(screen.getByTestId("compare-switch"));
    await waitFor(() => expect(router.state.location.search).toBe("?period=last-month&compare=0"));
  });

  it("turns the period in force into a custom one, and takes typed days", async () => {
    const { calls, router } = openAnalytics("?period=last-7-days&compare=1");
    const user = userEvent.setup();
    await screen.findAllByTestId("breakdown-row");
    await user.click(screen.getByText("Custom"));
    const today = utcToday(new Date());
    await waitFor(() =>
      expect(router.state.location.search).toBe(`?period=custom&from=${addDays(today, -6)}&to=${today}&compare=1`),
    );
    const from = screen.getByLabelText("From (UTC)");
    await user.clear(from);
    await user.type(from, "2026-10-01");
    await waitFor(() =>
      expect(router.state.location.search).toBe(`?period=custom&from=2026-10-01&to=${today}&compare=1`),
    );
    await waitFor(() =>
      expect(calls.some((c) => (c.input as { from?: string } | undefined)?.from === "2026-10-01")).toBe(true),
    );
  });

  it("narrows to one card brand through the URL: authentications filtered, that brand's money", async () => {
    const { calls } = openAnalytics("?period=last-30-days&compare=1&brand=MASTERCARD", {
      authentications: (input) => (input.by === "card_brand" ? { rows: [group("VISA"), group("MASTERCARD")] } : {}),
      payments: {
        rows: [
          { ...euro, key: "VISA", merchantAmount: 11_100 },
          { ...euro, key: "MASTERCARD", merchantAmount: 22_200 },
        ],
      },
    });
    const figures = await screen.findByTestId("headline-figures");
    await waitFor(() =>
      expect(within(figures).getByLabelText("Value left with the merchant").textContent).toContain("222.00 EUR"),
    );
    const brand = [{ field: "authentication.card_brand", op: "eq", value: "MASTERCARD" }];
    const byDimension = new Map(
      calls
        .filter((c) => c.path === "analytics.authentications")
        .map((c) => [(c.input as { by: string }).by, (c.input as { filters?: unknown }).filters]),
    );
    expect(byDimension.get("day")).toEqual(brand);
    expect(byDimension.get("reason")).toEqual(brand);
    // The brand breakdown lists every brand: it is where one is picked.
    expect(byDimension.get("card_brand")).toBeUndefined();
    expect(screen.getByText(/\(MASTERCARD only\)/)).toBeTruthy();
  });

  it("shows the headline figures with their change, and a null rate as a dash", async () => {
    openAnalytics("?period=last-30-days", {
      authentications: (input) => ({
        total: group("total", { authentications: 120 }, { challengeSuccess: null, abandonment: null }),
        ...(input.compare ? { previous: group("previous", { authentications: 100 }, { issuerShare: 0.75 }) } : {}),
      }),
    });
    const figures = await screen.findByTestId("headline-figures");
    await waitFor(() => expect(within(figures).getByLabelText("Authentications").textContent).toContain("120"));
    expect(within(figures).getByLabelText("Authentications").textContent).toContain("+20.0 %");
    expect(within(figures).getByLabelText("Shifted to the issuer").textContent).toContain("80.0 %");
    expect(within(figures).getByLabelText("Shifted to the issuer").textContent).toContain("+5.0 pp");
    expect(within(figures).getByLabelText("Challenge success").textContent).toMatch(/^Challenge success—/);
    expect(within(figures).getByLabelText("Abandonment").textContent).toMatch(/^Abandonment—/);
    expect(within(figures).getByLabelText("Value left with the merchant").textContent).toContain("234.50 EUR");
  });

  it("links each row to the Authentications list with exactly its filters", async () => {
    const visa = [eq("authentication.card_brand", "VISA"), { field: "created_at", op: "gte" as const, value: "x" }];
    openAnalytics("?period=last-30-days", {
      authentications: (input) =>
        input.by === "card_brand" ? { rows: [group("VISA", { drillDown: visa }), group("MASTERCARD")] } : {},
    });
    const brands = await section("card_brand");
    const rows = await within(brands).findAllByTestId("breakdown-row");
    const link = within(rows[0] as HTMLElement).getByTestId("drill-down");
    const url = new URL(link.getAttribute("href") ?? "", "http://x");
    expect(url.pathname).toBe("/authentications");
    expect(decodeListState(url.search).state.filters).toEqual(visa);
    expect(within(rows[0] as HTMLElement).queryByTestId("drill-down-note")).toBeNull();
    // MASTERCARD has no drillDown: the closest list, and a note saying so.
    expect(within(rows[1] as HTMLElement).getByTestId("drill-down-note").textContent).toContain(
      "not only “MASTERCARD”",
    );
  });

  it("says once, above the reasons, that a reason opens the period's list, and words each reason", async () => {
    openAnalytics("?period=last-30-days", {
      authentications: (input) =>
        input.by === "reason" ? { rows: [group("NOT_ENROLLED"), group("LEGACY_3DS1_VISA")] } : {},
    });
    const reasons = await section("reason");
    await within(reasons).findAllByTestId("breakdown-row");
    expect(within(reasons).getAllByTestId("drill-down-note")).toHaveLength(1);
    expect(within(reasons).getByText("not enrolled")).toBeTruthy();
    expect(within(reasons).getByText("Visa 3DS 1 after 16 Oct 2021")).toBeTruthy();
    expect(within(reasons).getByTestId("row-flag").textContent).toContain("16 Oct 2021");
    const href = within(reasons).getAllByTestId("drill-down")[0]?.getAttribute("href") ?? "";
    const filters = decodeListState(new URL(href, "http://x").search).state.filters;
    expect(filters.map((f) => `${f.field} ${f.op}`)).toEqual(["created_at gte", "created_at lte"]);
  });

  it("flags retired 3-D Secure versions", async () => {
    openAnalytics("?period=last-30-days", {
      authentications: (input) =>
        input.by === "threeds_version" ? { rows: [group("2.2.0"), group("2.1.0"), group("1.0.2")] } : {},
    });
    const versions = await section("threeds_version");
    await within(versions).findAllByTestId("breakdown-row");
    const flags = within(versions)
      .getAllByTestId("row-flag")
      .map((f) => f.textContent);
    expect(flags).toEqual(["retired after 24 Sep 2024", "retired after 15 Oct 2022"]);
  });

  it("never shows a partial figure as final while the back-fill runs", async () => {
    openAnalytics("?period=last-90-days", {
      authentications: () => ({ complete: false }),
      status: {
        backfill: { done: false, from: "2025-10-27T00:00:00.000Z", through: "2026-10-01T00:00:00.000Z" },
      },
    });
    const alert = await screen.findByTestId("incomplete");
    expect(alert.textContent).toContain("1 Oct 2026");
    const figures = screen.getAllByTestId("headline-figure");
    for (const figure of figures) {
      expect(figure.textContent).toContain("partial");
      expect(figure.textContent).not.toContain("vs previous period");
    }
    expect(screen.getByTestId("previous-incomplete")).toBeTruthy();
    expect((await screen.findByTestId("backfill-progress")).textContent).toMatch(
      /Loading history from Verifone: \d+ %/,
    );
  });

  it("says how fresh the data is", async () => {
    openAnalytics("", { status: { lagSeconds: 3600 * 5, lastError: "Verifone answered 503" } });
    const asOf = await screen.findByText(/Data as of 1 Dec 2026, 19:40 UTC/);
    expect(asOf.textContent).toContain("5 hours behind Verifone");
    expect(asOf.textContent).toContain("ageing");
    expect(screen.getByText(/Verifone answered 503/)).toBeTruthy();
  });

  it("names what it cannot read in the link", async () => {
    openAnalytics("?period=yesterday");
    expect((await screen.findByText(/unknown period "yesterday"/)).textContent).toBeTruthy();
  });
});

describe("saved views on the Analytics page", () => {
  it("saves the period, comparison and brand as they are in the link, a preset kept as its name", async () => {
    const { calls } = openAnalytics("?period=last-30-days&compare=0&brand=VISA");
    const user = userEvent.setup();
    await screen.findAllByTestId("breakdown-row");
    await user.click(await screen.findByTestId("views-menu"));
    await user.click(await screen.findByText("Save current view…"));
    await user.type(await screen.findByLabelText(/Name/), "Visa this month");
    await user.click(screen.getByRole("button", { name: "Save view" }));
    await waitFor(() =>
      expect(calls.filter((c) => c.path === "views.create").map((c) => c.input)).toEqual([
        {
          page: "analytics",
          name: "Visa this month",
          shared: false,
          query: "period=last-30-days&compare=0&brand=VISA",
        },
      ]),
    );
    await waitFor(() => expect(screen.getByTestId("views-menu").textContent).toBe("View: Visa this month"));
  });

  it("opens the person's default view when Analytics is opened without a query, and asks for its period", async () => {
    const views = [{ id: "v1", name: "Quarter", query: "period=last-90-days&compare=1", isDefault: true }];
    const { router, calls } = openAnalytics("", { views });
    await waitFor(() => expect(router.state.location.search).toBe("?period=last-90-days&compare=1"));
    const today = utcToday(new Date());
    await waitFor(() =>
      expect(
        calls.some(
          (c) => c.path === "analytics.authentications" && (c.input as { from: string }).from === addDays(today, -89),
        ),
      ).toBe(true),
    );
  });
});
