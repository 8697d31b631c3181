import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { apiQuery } from "./session.ts";

const run = productInBrowser();
let page: Page;

beforeEach(async () => {
  // At Playwright's default viewport, as this file has always run.
  page = await run.signedIn("ops@demo.test", "/authentications", { viewport: { width: 1280, height: 720 } });
});

const rowIds = () => page.getByTestId("auth-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
const settledCount = async () => {
  const total = page.getByTestId("total-count");
  await expect.poll(() => total.getAttribute("aria-busy")).toBeNull();
  return Number(await total.getAttribute("data-count"));
};
const paresY = [{ field: "authentication.pares_status", op: "eq", value: "Y" }];
/** The embedded sandbox's default size (SANDBOX_AUTHENTICATIONS). */
const seeded = 20_000;

describe("authentications in the browser", () => {
  it("filters through the UI, sorts, pages, opens a detail, and a reload restores the exact view", async () => {
    await page.goto("/authentications");
    await page.getByTestId("auth-row").first().waitFor();
    expect(await settledCount()).toBe(seeded);

    // Filter: ParesStatus = Y, through the filter builder.
    await page.getByTestId("add-filter").click();
    await page.getByTestId("filter-field").selectOption("authentication.pares_status");
    await page.getByTestId("filter-op").selectOption("eq");
    await page.getByTestId("filter-value").fill("Y");
    await page.getByTestId("apply-filter").click();
    await page.waitForURL(/f=authentication\.pares_status~eq~Y/);
    // The CSV export is of the same view.
    const exported = async () => {
      const href = (await page.getByTestId("export-csv").getAttribute("href")) ?? "";
      return JSON.parse(new URL(href, run.product.url).searchParams.get("input") ?? "{}").filters;
    };
    await expect.poll(exported).toEqual(paresY);
    const expectedCount = (await apiQuery<{ count: number }>(page, "authentications.count", { filters: paresY })).count;
    await expect.poll(settledCount).toBe(expectedCount);
    expect(expectedCount).toBeGreaterThan(0);
    expect(expectedCount).toBeLessThan(seeded);

    // Sort by amount (ascending), as the server orders it.
    await page.getByRole("button", { name: "Amount", exact: true }).click();
    await page.waitForURL(/sort=amount/);
    const sorted = await apiQuery<{ items: { _id: string }[] }>(page, "authentications.list", {
      filters: paresY,
      sort: [{ field: "amount" }],
      limit: 50,
    });
    await expect.poll(rowIds).toEqual(sorted.items.map((r) => r._id));

    // Next page.
    await page.getByTestId("page-next").click();
    await page.waitForURL(/skip=50/);
    const second = await apiQuery<{ items: { _id: string }[] }>(page, "authentications.list", {
      filters: paresY,
      sort: [{ field: "amount" }],
      limit: 50,
      skip: 50,
    });
    await expect.poll(rowIds).toEqual(second.items.map((r) => r._id));

    // Open the first row's detail: its own URL.
    const id = second.items[0]?._id ?? "";
    await page.getByTestId("auth-row").first().click();
    await page.waitForURL(new RegExp(`/authentications/${id}`));
    await expect.poll(() => page.getByTestId("auth-detail").textContent()).toContain(id);
    const viewUrl = page.url();

    // Reload: same URL, same drawer, same filter, same page.
    await page.reload();
    await page.getByTestId("auth-detail").waitFor();
    expect(page.url()).toBe(viewUrl);
    expect(await page.getByTestId("auth-detail").textContent()).toContain(id);
    await expect.poll(() => page.getByTestId("filter-chip").count()).toBe(1);
    await expect.poll(rowIds).toEqual(second.items.map((r) => r._id));

    // Back closes the drawer and keeps the list view.
    await page.goBack();
    await expect.poll(() => page.getByTestId("auth-detail").count()).toBe(0);
    expect(page.url()).toMatch(/skip=50/);
  });

  it("shows issuer and merchant counts that the API agrees with", async () => {
    await page.goto(`/authentications?f=${encodeURIComponent("currency_code~eq~EUR")}`);
    const summary = await apiQuery<{ total: number; issuer: number; merchant: number }>(
      page,
      "authentications.summary",
      {
        filters: [{ field: "currency_code", op: "eq", value: "EUR" }],
      },
    );
    // The strip may group digits ("1,234"): compare digits only.
    const figure = async (id: string) => ((await page.getByTestId(id).textContent()) ?? "").replace(/[,\s\u202f]/g, "");
    await expect.poll(() => figure("summary-issuer")).toMatch(new RegExp(`^\\D*${summary.issuer}\\D`));
    await expect.poll(() => figure("summary-merchant")).toMatch(new RegExp(`^\\D*${summary.merchant}\\D`));
    expect(summary.issuer + summary.merchant).toBe(summary.total);
  });

  it("keeps at most 100 row elements in the DOM for a 2,000-row page", async () => {
    await page.goto("/authentications?limit=2000&skip=0");
    await page.getByTestId("auth-row").first().waitFor();
    await expect.poll(settledCount).toBe(seeded);
    const rendered = await page.getByTestId("auth-row").count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThanOrEqual(100);
    await page.getByTestId("auth-table").evaluate((table) => table.parentElement?.scrollBy(0, 30_000));
    await expect
      .poll(async () => (await page.getByTestId("auth-row").first().getAttribute("data-index")) !== "0")
      .toBe(true);
    expect(await page.getByTestId("auth-row").count()).toBeLessThanOrEqual(100);
  });

  it("an unknown id opens a not-found view, not a blank drawer", async () => {
    await page.goto("/authentications/no-such-authentication-id");
    await page.getByTestId("detail-not-found").waitFor();
  });

  it("a bad filter in a link is explained next to that filter, not a crash", async () => {
    await page.goto(`/authentications?f=${encodeURIComponent("colour~eq~red")}`);
    const chip = page.locator('[data-testid="filter-chip"][data-problem="true"]');
    await chip.waitFor();
    expect(await chip.textContent()).toMatch(/colour/);
    await page.getByTestId("auth-row").first().waitFor();
  });

  it("says the upstream failed, keeps the filters, and retry recovers", async () => {
    const faults = `${run.product.sandboxUrl}/__sandbox/faults`;
    await fetch(faults, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "/oidc/3ds-service/v2/3d", times: 40, status: 500 }),
    });
    await page.goto(`/authentications?f=${encodeURIComponent("currency_code~eq~SEK")}`);
    await page.getByTestId("error-state").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("error-state").textContent()).toMatch(/500/);
    await fetch(faults, { method: "DELETE" });
    await page.getByTestId("retry").click();
    await page.getByTestId("auth-row").first().waitFor();
    expect(await page.getByTestId("filter-chip").count()).toBe(1);
  });
});
