import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { apiQuery, demoPassword } from "./session.ts";

const run = productInBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Status = { backfill: { done: boolean } };
type Answer = {
  rows: { key: string; authentications: number; drillDown: { field: string; op: string; value: unknown }[] | null }[];
};

/** Signs in through the login page with no `next`, as a person opening the site does. */
async function signInAsManager(): Promise<Page> {
  const page = await run.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto("/login");
  await page.getByTestId("login-email").fill("manager@demo.test");
  await page.getByTestId("login-password").fill(demoPassword);
  await page.getByTestId("login-submit").click();
  // No `next`: the manager's landing page.
  await page.waitForURL((url) => url.pathname === "/analytics");
  return page;
}

/** The store has back-filled (the figures are final), so the lists agree with it. */
async function storeReady(page: Page) {
  await expect
    .poll(async () => (await apiQuery<Status>(page, "analytics.status", undefined)).backfill.done, { timeout: 60_000 })
    .toBe(true);
}

const settledCount = async (page: Page) => {
  const total = page.getByTestId("total-count");
  await expect.poll(() => total.getAttribute("aria-busy")).toBeNull();
  return Number(await total.getAttribute("data-count"));
};

describe("analytics in the browser", () => {
  it("lands the manager on Analytics after sign-in; a bar opens the list of exactly its authentications", async () => {
    const page = await signInAsManager();
    await storeReady(page);
    await page.reload();

    // Switch period: the URL keeps it relative.
    await page.getByText("Last 90 days", { exact: true }).click();
    await page.waitForURL(/period=last-90-days/);
    const brands = page.getByTestId("section-card_brand");
    await brands.getByTestId("breakdown-row").first().waitFor();

    // What the API says about the period's brands.
    expect(new URL(page.url()).searchParams.get("period")).toBe("last-90-days");
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const answer = await apiQuery<Answer>(page, "analytics.authentications", { from, to: today, by: "card_brand" });
    expect(answer.rows.length).toBeGreaterThan(0);

    // Click the first bar of the chart: the list opens with exactly that brand's drill-down filters, and its count.
    const bar = brands.locator(".recharts-bar-rectangle path").first();
    await bar.waitFor();
    await bar.click();
    await page.waitForURL((url) => url.pathname === "/authentications");
    const filters = new URL(page.url()).searchParams.getAll("f");
    const group = answer.rows.find(
      (r) => JSON.stringify(r.drillDown?.map((f) => `${f.field}~${f.op}~${f.value}`)) === JSON.stringify(filters),
    );
    expect(group, `a brand whose drill-down is ${filters.join(" & ")}`).toBeDefined();
    expect(filters.some((f) => f.startsWith("authentication.card_brand~eq~"))).toBe(true);
    await expect.poll(() => settledCount(page)).toBe(group?.authentications);
    expect(group?.authentications).toBeGreaterThan(0);
  });

  it("has no serious accessibility problems, light or dark", async () => {
    const page = await signInAsManager();
    await storeReady(page);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/analytics?period=last-30-days&compare=1");
      await page.getByTestId("section-reason").getByTestId("breakdown-row").first().waitFor();
      // Every chart drawn and settled (no skeleton left, recharts' entry animation over).
      await expect.poll(() => page.locator('[aria-label^="Loading"]').count()).toBe(0);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1_500);
      // Evaluated, not added as a <script>: the dashboard's CSP allows no inline script.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        // The page's own content (the shell around it is every page's).
        const result = await axe.run({ include: [["main"]] });
        return result.violations
          .filter((v) => v.impact === "critical" || v.impact === "serious")
          .map((v) => `${v.id}: ${v.nodes.map((n) => (n as { target: string[] }).target.join(" ")).join(", ")}`);
      });
      expect(violations, colorScheme).toEqual([]);
    }
  });
});
