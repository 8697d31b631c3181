import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";

// The dashboard by keyboard alone: where focus lands after sign-in and navigation, the skip link, the tables.

const run = productInBrowser();

/** What has focus: its tag, heading text or row id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "none";
    if (/^H[1-6]$/.test(el.tagName)) return `heading:${el.textContent}`;
    if (el.tagName === "TR") return `row:${el.dataset.index}:${el.dataset.id}`;
    return `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 40)}`;
  });

describe("keyboard", () => {
  it("focus goes to the page heading after sign-in and after moving to another page", async () => {
    const page = await run.signedIn("support@demo.test", "/authentications?limit=25");
    await page.getByTestId("auth-table").waitFor();
    await expect.poll(() => focused(page)).toBe("heading:Authentications");
    await page.getByTestId("nav-transactions").click();
    await expect.poll(() => focused(page)).toBe("heading:Transactions");
  });

  it("a skip link, first in the page, jumps past the header and navigation", async () => {
    const page = await run.signedIn("support@demo.test", "/authentications?limit=25");
    await page.getByTestId("auth-table").waitFor();
    // From the header's first control (the search box), one step back is the skip link.
    await page.keyboard.press("/");
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("a:Skip to the page's content");
    const box = await page.getByText("Skip to the page's content").boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
  });

  it("the table is one Tab stop, arrows move between rows, focus returns to the row when the drawer closes", async () => {
    const page = await run.signedIn("support@demo.test", "/authentications?limit=25");
    await page.getByTestId("auth-table").waitFor();
    const rows = page.getByTestId("auth-row");
    await expect.poll(() => rows.count()).toBe(25);
    expect(await page.locator('[data-testid="auth-row"][tabindex="0"]').count()).toBe(1);

    await rows.first().focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const third = await rows.nth(2).getAttribute("data-id");
    expect(await focused(page)).toBe(`row:2:${third}`);
    await page.keyboard.press("End");
    expect(await focused(page)).toMatch(/^row:24:/);
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    // Tab leaves the table: no other row takes it.
    await page.keyboard.press("Tab");
    expect(await focused(page)).not.toMatch(/^row:/);
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe(`row:2:${third}`);

    await page.keyboard.press("Enter");
    await page.getByTestId("auth-detail").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("auth-detail").waitFor({ state: "detached" });
    await expect.poll(() => focused(page)).toBe(`row:2:${third}`);
  });

  it("back from a transaction's page, focus is on the row it was opened from", async () => {
    const page = await run.signedIn("support@demo.test", "/transactions?limit=25");
    await page.getByTestId("tx-table").waitFor();
    const rows = page.getByTestId("tx-row");
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    await rows.first().focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const id = await rows.nth(3).getAttribute("data-id");
    await page.keyboard.press("Enter");
    await page.getByTestId("tx-detail").waitFor();
    await expect.poll(() => focused(page)).toMatch(/^heading:/);
    await page.getByTestId("tx-back").click();
    await expect.poll(() => focused(page)).toBe(`row:3:${id}`);
  });

  it("previous / next inside the drawer walk the page's records; closing returns to the row shown last", async () => {
    const page = await run.signedIn("support@demo.test", "/authentications?limit=25");
    await page.getByTestId("auth-table").waitFor();
    const rows = page.getByTestId("auth-row");
    await expect.poll(() => rows.count()).toBe(25);
    const [first, second, third] = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getAttribute("data-id")));
    await rows.nth(1).click();
    const drawer = page.getByTestId("auth-detail");
    await drawer.waitFor();
    await drawer.getByTestId("detail-next").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/authentications/${third}`);
    await drawer.getByTestId("detail-previous").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/authentications/${second}`);
    await drawer.getByTestId("detail-previous").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/authentications/${first}`);
    await expect.poll(() => drawer.getByTestId("detail-previous").isDisabled()).toBe(true);
    expect(new URL(page.url()).search).toBe("?limit=25");
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toBe(`row:0:${first}`);
  });
});
