import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";

// One time-zone rule for the whole UI: times in the staff member's chosen zone (kept with the account, default the
// browser's), labelled; Created filters are UTC days, in the picker and the chips alike. Each browser here runs in a
// zone of its own (timezoneId), so nothing depends on the machine's.

const run = productInBrowser();

/** The hour a time reads in `zone` (what the screen must show for that instant). */
const hourIn = (iso: string, zone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(new Date(iso));

/** The first row's Created time: its exact instant and what it reads. */
async function firstCreated(page: Page) {
  const time = page.getByTestId("auth-row").first().locator("time");
  await time.waitFor();
  return { iso: (await time.getAttribute("datetime")) ?? "", text: (await time.textContent()) ?? "" };
}

const createdHeader = (page: Page) => page.getByTestId("auth-table").getByRole("button", { name: /^Created \(/ });

describe("times in the staff member's zone", () => {
  it("follow the browser's zone by default, then the zone chosen on the Account page, on every machine", async () => {
    const page = await run.signedIn("ops@demo.test", "/authentications", { timezoneId: "America/New_York" });
    await expect.poll(() => createdHeader(page).textContent()).toBe("Created (America/New_York)");
    const first = await firstCreated(page);
    expect(first.text).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}$/);
    expect(first.text.split(", ")[1]?.slice(0, 2)).toBe(hourIn(first.iso, "America/New_York"));

    await page.goto("/account");
    const select = page.getByTestId("time-zone-select");
    await select.click();
    await select.fill("Kiritimati");
    await page.getByRole("option", { name: /^Pacific\/Kiritimati/ }).click();
    await expect.poll(() => page.getByTestId("time-zone-example").textContent()).toContain("(Pacific/Kiritimati)");
    expect(await page.getByTestId("time-zone-example").textContent()).toMatch(/UTC\+14:00/);

    await page.goto("/authentications");
    await expect.poll(() => createdHeader(page).textContent()).toBe("Created (Pacific/Kiritimati)");
    const again = await firstCreated(page);
    expect(again.text.split(", ")[1]?.slice(0, 2)).toBe(hourIn(again.iso, "Pacific/Kiritimati"));

    // Another machine, another browser zone: the choice follows the account.
    const elsewhere = await run.signedIn("ops@demo.test", "/authentications", { timezoneId: "Europe/Berlin" });
    await expect.poll(() => createdHeader(elsewhere).textContent()).toBe("Created (Pacific/Kiritimati)");

    // Back to the browser's zone.
    await elsewhere.goto("/account");
    const back = elsewhere.getByTestId("time-zone-select");
    await back.click();
    await back.fill("Browser default");
    await elsewhere.getByRole("option", { name: "Browser default (Europe/Berlin)" }).click();
    await elsewhere.goto("/authentications");
    await expect.poll(() => createdHeader(elsewhere).textContent()).toBe("Created (Europe/Berlin)");
  });

  it("a long zone name in the headers does not widen the lists at 1280×800", async () => {
    const page = await run.signedIn("support@demo.test", "/transactions?f=transaction_type~eq~SALE", {
      viewport: { width: 1280, height: 800 },
      timezoneId: "America/North_Dakota/New_Salem",
    });
    await page.getByTestId("tx-row").first().waitFor();
    const header = page.getByTestId("tx-table").getByRole("button", { name: /^Created \(/ });
    expect(await header.getAttribute("aria-label")).toBe("Created (America/North_Dakota/New_Salem)");
    const fits = await page.getByTestId("tx-table").evaluate((t) => {
      const scroller = t.parentElement as HTMLElement;
      return scroller.scrollWidth <= scroller.clientWidth;
    });
    expect(fits).toBe(true);
  });

  it("Created filters are UTC days in the picker and the chip, and the days picked are sent as UTC days", async () => {
    const range = "f=created_at~gte~2026-11-01T00:00:00.000Z&f=created_at~lte~2026-11-10T23:59:59.999Z";
    const page = await run.signedIn("ops@demo.test", `/authentications?${range}`, {
      timezoneId: "Pacific/Kiritimati",
    });
    await expect
      .poll(() => page.getByTestId("filter-chip").allTextContents())
      .toEqual(["Created from 1 Nov 2026 to 10 Nov 2026 (UTC days)"]);
    const picker = page.getByRole("button", { name: "Created (UTC days)" });
    await expect.poll(() => picker.textContent()).toBe("2026-11-01 – 2026-11-10");

    // Pick 5 to 6 Nov: the URL holds the first and last instant of those UTC days (14 hours before Kiritimati's).
    await picker.click();
    await page.locator(`button[aria-label="5 November 2026"]:visible`).first().click();
    await page.locator(`button[aria-label="6 November 2026"]:visible`).first().click();
    await page.waitForURL((url) => url.searchParams.getAll("f").includes("created_at~lte~2026-11-06T23:59:59.999Z"));
    expect(new URL(page.url()).searchParams.getAll("f")).toEqual([
      "created_at~gte~2026-11-05T00:00:00.000Z",
      "created_at~lte~2026-11-06T23:59:59.999Z",
    ]);
    await expect
      .poll(() => page.getByTestId("filter-chip").allTextContents())
      .toEqual(["Created from 5 Nov 2026 to 6 Nov 2026 (UTC days)"]);
  });
});
