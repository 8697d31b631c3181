import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { apiQuery } from "./session.ts";

const run = productInBrowser();
const viewport = { width: 1280, height: 800 };

describe("transactions at 1280×800", () => {
  it("the filter bar stays compact and the list's table fits the screen without scrolling sideways", async () => {
    const page = await run.signedIn("support@demo.test", "/transactions?f=transaction_type~eq~SALE", { viewport });
    await page.getByTestId("tx-row").first().waitFor();
    const filters = await page.getByRole("region", { name: "Filters" }).boundingBox();
    expect(filters?.height).toBeLessThan(viewport.height / 4);
    const table = page.getByTestId("tx-table");
    const { scrollWidth, clientWidth } = await table.evaluate((t) => {
      const scroller = t.parentElement as HTMLElement;
      return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth };
    });
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // The liability of every row is on screen, next to the amount.
    expect(await page.getByTestId("tx-row").first().getByTestId("liability-badge").isVisible()).toBe(true);
  });

  it("a refunded payment's lifecycle shows 'Left to refund' whole, beside the actions", async () => {
    const page = await run.signedIn("support@demo.test", "/transactions", { viewport });
    const filters = [{ field: "transaction_status", op: "eq", value: "PARTIALLY_REFUNDED" }];
    const { items } = await apiQuery<{ items: { id: string }[] }>(page, "transactions.list", { filters, limit: 1 });
    await page.goto(`/transactions/${items[0]?.id}`);
    const header = page.getByTestId("tx-remaining-header");
    await header.waitFor();
    const box = await header.boundingBox();
    const section = await page.getByRole("region", { name: "Lifecycle" }).boundingBox();
    if (!box || !section) throw new Error("the lifecycle is not on screen");
    expect(box.x + box.width).toBeLessThanOrEqual(section.x + section.width);
    expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  });
});
