import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { demoPassword } from "./session.ts";

// Staff sign-in, roles and the audit trail, driven through the built dashboard against the real product
// (API + embedded sandbox + PGlite) with the demo users of CONTRACT.md §3.

const run = productInBrowser();
let page: Page;

/** Each test starts signed out: a fresh browser context has no session cookie. */
async function freshPage(): Promise<Page> {
  page = await run.newPage();
  return page;
}

/** Fills the sign-in form the page is showing (reached by a redirect, so the test sees where it comes back to). */
async function signIn(email: string, password = demoPassword) {
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

const here = () => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

describe("staff sign-in and roles", () => {
  it("operations signs in, sees Authentications only, and /audit says the role cannot open it", async () => {
    await freshPage();
    await page.goto(`${run.product.url}/`);
    await signIn("ops@demo.test");
    await page.getByTestId("auth-table").waitFor();
    expect(await page.getByTestId("user-menu").textContent()).toContain("Olivia Ops · Operations");
    await page.getByTestId("nav-authentications").waitFor();
    expect(await page.getByTestId("nav-audit").count()).toBe(0);
    expect(await page.getByTestId("nav-users").count()).toBe(0);

    await page.goto(`${run.product.url}/audit`);
    const forbidden = page.getByTestId("forbidden-page");
    await forbidden.waitFor();
    expect(await forbidden.textContent()).toContain("Your role (Operations) cannot open the audit trail");
    expect(await page.getByTestId("audit-table").count()).toBe(0);
  });

  it("admin creates a user, changes its role, disables it, and finds the three events in the audit trail", async () => {
    await freshPage();
    const email = `e2e-${Date.now()}@demo.test`;
    await page.goto(`${run.product.url}/users`);
    await signIn("admin@demo.test");
    await page.getByTestId("users-table").waitFor();
    expect(here()).toBe("/users");

    // Create
    await page.getByTestId("create-user").click();
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Erin Example");
    await form.getByLabel("Role").selectOption("operations");
    await form.getByLabel("Initial password").fill("a-long-enough-password");
    await page.getByTestId("create-user-submit").click();
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await row.waitFor();
    await form.waitFor({ state: "detached" });

    // Change the role (with confirmation)
    await row.getByTestId("role-select").selectOption("support");
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain("from Operations to Support");
    await dialog.getByTestId("confirm").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => row.getByTestId("role-select").inputValue()).toBe("support");

    // Disable (with confirmation)
    await row.getByTestId("disable-user").click();
    expect(await dialog.textContent()).toContain("Their sessions end at once");
    await dialog.getByTestId("confirm").click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(`[data-testid="user-row"][data-email="${email}"][data-disabled]`).waitFor();

    // The admin's own row cannot be disabled.
    const own = page.locator('[data-testid="user-row"][data-email="admin@demo.test"]');
    expect(await own.getByTestId("disable-user").isDisabled()).toBe(true);

    // Audit: the three changes, newest first.
    await page.getByTestId("nav-audit").click();
    await page.getByTestId("audit-table").waitFor();
    await page.getByTestId("audit-filter-actor").fill("admin@demo.test");
    await page.getByTestId("audit-filter-actor").press("Enter");
    await page.getByTestId("audit-filter-outcome").getByText("Success", { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("outcome") === "success");
    await page.waitForURL((url) => url.searchParams.get("actor") === "admin@demo.test");
    const rows = page.getByTestId("audit-row");
    await expect
      .poll(async () => (await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-action")))).slice(0, 4))
      .toEqual(["users.disable", "users.setRole", "users.create", "auth.login"]);
    expect(await rows.nth(2).textContent()).toContain(email);
    for (const i of [0, 1, 2]) expect(await rows.nth(i).getAttribute("data-outcome")).toBe("success");

    // The export carries the same filters, and downloads them as CSV with this session.
    const href = await page.getByTestId("audit-export").getAttribute("href");
    expect(href).not.toBeNull();
    const exportUrl = new URL(href ?? "", run.product.url);
    expect(exportUrl.pathname).toBe("/export/audit.csv");
    expect(Object.fromEntries(exportUrl.searchParams)).toEqual({ actor: "admin@demo.test", outcome: "success" });
    const csv = await page.request.get(exportUrl.href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^at,actorEmail,actorRole,action,/);
    expect(lines.slice(1, 4).map((line) => line.split(",")[3])).toEqual([
      "users.disable",
      "users.setRole",
      "users.create",
    ]);
  });

  it("a deep link opened while signed out leads to sign-in and back to the same URL, filter applied", async () => {
    await freshPage();
    const deepLink = "/authentications?f=currency_code~eq~EUR&sort=-amount";
    await page.goto(`${run.product.url}${deepLink}`);
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe(deepLink);

    await signIn("manager@demo.test");
    await page.getByTestId("auth-table").waitFor();
    expect(here()).toBe(deepLink);
    expect(await page.getByTestId("filter-chip").allTextContents()).toEqual([expect.stringContaining("EUR")]);
    await page.getByTestId("auth-row").first().waitFor();
    const currencies = await page
      .getByTestId("auth-row")
      .evaluateAll((rows) => rows.slice(0, 10).map((row) => row.textContent ?? ""));
    for (const text of currencies) expect(text).toContain("EUR");
  });

  it("a wrong password shows the one generic message", async () => {
    await freshPage();
    await page.goto(`${run.product.url}/login`);
    await signIn("support@demo.test", "not-the-password");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Email or password is incorrect");
    expect(await page.getByTestId("login-submit").isEnabled()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("signing out returns to sign-in, and Back does not show the data again", async () => {
    await freshPage();
    await page.goto(`${run.product.url}/authentications`);
    await signIn("support@demo.test");
    await page.getByTestId("auth-row").first().waitFor();

    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByTestId("login-email").waitFor();

    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/authentications");
    await page.getByTestId("login-email").waitFor();
    expect(await page.getByTestId("auth-table").count()).toBe(0);
    expect(await page.getByTestId("user-menu").count()).toBe(0);

    // The session is really gone on the server, not only in the page.
    const me = await page.request.get(`${run.product.url}/trpc/auth.me`);
    expect(await me.json()).toEqual({ result: { data: null } });
  });
});
