import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { signIn } from "./session.ts";

// Saved views through the dashboard: kept on the server, so they outlive a sign-out and reach colleagues when shared.

const run = productInBrowser();
const query = "f=authentication.card_brand~eq~VISA&sort=amount&limit=100";
const here = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

async function saveView(page: Page, name: string, shared: boolean) {
  await page.getByTestId("views-menu").click();
  await page.getByText("Save current view…").click();
  const form = page.getByTestId("save-view-form");
  await form.getByLabel("Name").fill(name);
  if (shared) await form.getByLabel("Share with everyone").check();
  await form.getByRole("button", { name: "Save view" }).click();
  await expect.poll(() => page.getByTestId("views-menu").textContent()).toBe(`View: ${name}`);
}

describe("saved views", () => {
  it("a person's default view opens again after signing out and in; a shared one reaches a colleague", async () => {
    const ops = await run.signedIn("ops@demo.test", `/authentications?${query}&skip=200`);
    await ops.getByTestId("auth-table").waitFor();
    await saveView(ops, "Visa by amount", true);

    await ops.getByTestId("views-menu").click();
    await ops.getByText("Open it with the page (default)").click();
    await ops.getByTestId("views-menu").click();
    await ops.getByText("Stop opening it with the page").waitFor();
    await ops.keyboard.press("Escape");

    // A duplicate name is refused on the field.
    await ops.getByTestId("views-menu").click();
    await ops.getByText("Save current view…").click();
    const form = ops.getByTestId("save-view-form");
    await form.getByLabel("Name").fill("Visa by amount");
    await form.getByRole("button", { name: "Save view" }).click();
    await form.getByText('You already have a view named "Visa by amount" on this page').waitFor();
    await form.getByRole("button", { name: "Cancel" }).click();

    await ops.getByTestId("user-menu").click();
    await ops.getByTestId("sign-out").click();
    await ops.waitForURL((url) => url.pathname.startsWith("/login"));
    await signIn(ops, run.product.url, "ops@demo.test", "/authentications");
    await expect.poll(() => here(ops)).toBe(`/authentications?${query}`);
    await expect.poll(() => ops.getByTestId("filter-chip").count()).toBe(1);

    const manager = await run.signedIn("manager@demo.test", "/authentications?limit=50");
    await manager.getByTestId("views-menu").click();
    const item = manager.getByTestId("view-item").filter({ hasText: "Visa by amount" });
    expect(await item.textContent()).toContain("Olivia Ops");
    await item.click();
    await expect.poll(() => here(manager)).toBe(`/authentications?${query}`);
    // Not the colleague's default, and not theirs to change.
    await manager.getByTestId("views-menu").click();
    await manager.getByText("Open it with the page (default)").waitFor();
    expect(await manager.getByText("Rename or share…").count()).toBe(0);
    expect(await manager.getByText("Delete…").count()).toBe(0);
  });

  it("a private view stays private; a view naming a field the page no longer takes opens with it flagged", async () => {
    const support = await run.signedIn("support@demo.test", "/transactions?limit=25");
    await support.getByTestId("views-menu").click();
    await support.getByText("Save current view…").click();
    await support.getByTestId("save-view-form").getByLabel("Name").fill("Mine only");
    await support.getByRole("button", { name: "Save view" }).click();
    await expect.poll(() => support.getByTestId("views-menu").textContent()).toBe("View: Mine only");

    const made = await support.request.post("/trpc/views.create", {
      headers: { origin: run.product.url, "content-type": "application/json" },
      data: { page: "transactions", name: "Old field", query: "f=retired_field~eq~x&limit=25" },
    });
    expect(made.status()).toBe(200);
    await support.reload();
    await support.getByTestId("views-menu").click();
    await support.getByTestId("view-item").filter({ hasText: "Old field" }).click();
    await expect.poll(() => support.locator('[data-testid="filter-chip"][data-problem="true"]').count()).toBe(1);
    expect(
      await support
        .getByText(/Not applied/)
        .first()
        .textContent(),
    ).toContain("retired_field");

    const manager = await run.signedIn("manager@demo.test", "/transactions?limit=25");
    await manager.getByTestId("views-menu").click();
    await manager.getByText("No saved views on this page yet").waitFor();
  });

  it("on Analytics, a manager's default view keeps its preset relative and opens with the page after sign-in", async () => {
    const manager = await run.signedIn("manager@demo.test", "/analytics?period=last-30-days&compare=0");
    await manager.getByTestId("section-card_brand").getByTestId("breakdown-row").first().waitFor();
    await saveView(manager, "Month, no comparison", false);
    await manager.getByTestId("views-menu").click();
    await manager.getByText("Open it with the page (default)").click();

    await manager.getByTestId("user-menu").click();
    await manager.getByTestId("sign-out").click();
    await manager.waitForURL((url) => url.pathname.startsWith("/login"));
    await signIn(manager, run.product.url, "manager@demo.test", "/analytics");
    await expect.poll(() => here(manager)).toBe("/analytics?period=last-30-days&compare=0");
    await expect.poll(() => manager.getByTestId("views-menu").textContent()).toBe("View: Month, no comparison");
  });
});
