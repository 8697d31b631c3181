import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { apiQuery } from "./session.ts";

// The header's search box, by each kind of reference, against the real product and its seeded sandbox.

const run = productInBrowser();
type Authentication = {
  _id: string;
  transaction_id: string;
  card?: string;
  authentication?: { ds_transaction_id?: string; order_id?: string };
};
type Transaction = { id: string; merchant_reference?: string };

const refs: Record<string, string> = {};
const expected: Record<string, string> = {};

beforeAll(async () => {
  const page = await run.signedIn("support@demo.test", "/authentications?limit=25");
  const auths = (await apiQuery<{ items: Authentication[] }>(page, "authentications.list", { limit: 500 })).items;
  const a = auths.find((x) => x.authentication?.ds_transaction_id && x.authentication.order_id);
  if (!a) throw new Error("no seeded EMV 3DS authentication");
  Object.assign(refs, {
    "authentication id": a._id,
    ds_transaction_id: a.authentication?.ds_transaction_id,
    order_id: a.authentication?.order_id,
    "3DS transaction_id": a.transaction_id,
  });
  for (const k of ["authentication id", "ds_transaction_id", "order_id", "3DS transaction_id"]) {
    expected[k] = `/authentications/${a._id}`;
  }
  const txs = (await apiQuery<{ items: Transaction[] }>(page, "transactions.list", { limit: 50 })).items;
  const t = txs.find((x) => x.merchant_reference);
  if (!t?.merchant_reference) throw new Error("no seeded transaction with a merchant reference");
  refs["transaction id"] = t.id;
  refs.merchant_reference = t.merchant_reference;
  expected["transaction id"] = expected.merchant_reference = `/transactions/${t.id}`;
  for (const x of auths) {
    if (!x.card) continue;
    const ok = await page.request.get(
      `/trpc/tokens.get?input=${encodeURIComponent(JSON.stringify({ reuseToken: x.card }))}`,
    );
    if (ok.ok()) {
      refs["reuse token"] = x.card;
      expected["reuse token"] = `/tokens/${x.card}`;
      break;
    }
  }
  if (!refs["reuse token"]) throw new Error("no seeded token");
});

const path = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

async function search(page: Page, value: string) {
  await page.keyboard.press("/");
  await page.keyboard.type(value);
  await page.keyboard.press("Enter");
}

describe("find by any reference", () => {
  for (const kind of [
    "authentication id",
    "3DS transaction_id",
    "ds_transaction_id",
    "order_id",
    "transaction id",
    "merchant_reference",
    "reuse token",
  ]) {
    it(`by ${kind}: pasted in the header, lands on the record (or a list of the records sharing it)`, async () => {
      const page = await run.signedIn("support@demo.test", "/authentications?limit=25");
      await page.getByTestId("auth-table").waitFor();
      await search(page, refs[kind] ?? "");
      await expect.poll(() => path(page) === expected[kind] || page.getByTestId("find-results").isVisible()).toBe(true);
      if (path(page) === "/find") {
        // A merchant reference is shared by a payment and its refunds and captures: the list says what matched.
        const row = page.getByTestId("find-result").filter({ has: page.locator(`a[href="${expected[kind]}"]`) });
        expect(await row.textContent()).toContain("Matched its merchant reference");
        await row.locator("a").click();
        await expect.poll(() => path(page)).toBe(expected[kind]);
      }
      if (kind === "reuse token") await page.getByTestId("token-card").waitFor();
      else if (expected[kind]?.startsWith("/transactions")) await page.getByTestId("tx-detail").waitFor();
      else await page.getByTestId("auth-detail").waitFor();
    });
  }

  it("a full card number is refused in the box and never leaves the browser", async () => {
    const page = await run.signedIn("support@demo.test", "/authentications?limit=25");
    await page.getByTestId("auth-table").waitFor();
    const sent: string[] = [];
    page.on("request", (request) => sent.push(request.url()));
    await search(page, "4111 1111 1111 1111");
    await page.getByText(/looks like a full card number/).waitFor();
    expect(path(page)).toBe("/authentications");
    expect(sent.filter((u) => u.includes("4111"))).toEqual([]);
  });

  it("nothing found says so", async () => {
    const page = await run.signedIn("ops@demo.test", "/authentications?limit=25");
    await page.getByTestId("auth-table").waitFor();
    await search(page, "no-such-reference-anywhere");
    await page.getByTestId("find-none").waitFor();
  });
});
