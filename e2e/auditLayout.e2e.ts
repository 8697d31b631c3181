import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";

const run = productInBrowser();
const viewport = { width: 1280, height: 800 };

describe("the audit trail at 1280×800", () => {
  it("shows every outcome whole and breaks an actor's address only after its @", async () => {
    const page = await run.signedIn("manager@demo.test", "/audit", { viewport });
    await page.getByTestId("audit-row").first().waitFor();

    const badges = page.getByTestId("audit-table").getByTestId("outcome-badge");
    expect(await badges.count()).toBeGreaterThan(0);
    const cut = await badges.evaluateAll((els) =>
      els
        .map((el) => el.querySelector(".mantine-Badge-label") as HTMLElement)
        .filter((label) => label.scrollWidth > label.clientWidth)
        .map((label) => label.textContent),
    );
    expect(cut).toEqual([]);

    // Each part of an address (up to and including the @, then the domain) sits on one line.
    const broken = await page.getByTestId("audit-row").evaluateAll((rows) =>
      rows.flatMap((row) => {
        const cell = row.querySelectorAll("td")[2];
        const texts: Text[] = [];
        const walker = document.createTreeWalker(cell ?? document.createElement("td"), NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) texts.push(walker.currentNode as Text);
        return texts
          .filter((text) => {
            const range = document.createRange();
            range.selectNodeContents(text);
            const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
            return lines.size > 1;
          })
          .map((text) => text.textContent);
      }),
    );
    expect(broken).toEqual([]);
  });
});
