import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { apiQuery } from "./session.ts";

const app = productInBrowser();

/** Every CSP violation the page reports, from the DOM event and from the console, kept across navigations. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  return seen;
}

/** Waits until the page has rendered its main content and Mantine has injected its styles. */
async function settle(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator("style[data-mantine-styles]").count()).toBeGreaterThan(0);
}

describe("security headers", () => {
  it("sends a strict CSP, frame-ancestors 'none', nosniff, Referrer-Policy and Permissions-Policy", async () => {
    const res = await fetch(`${app.product.url}/authentications`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
    // Plain HTTP: no HSTS (a browser would ignore it, and it must not pin a developer's localhost).
    expect(res.headers.get("strict-transport-security")).toBeNull();
    // A fresh nonce for every page load.
    const again = await fetch(`${app.product.url}/authentications`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("every page of the dashboard loads with the CSP on and reports no violation", async () => {
    const page = await app.newPage();
    const violations = await watchViolations(page);
    await settle(page, "/login");
    await page.getByTestId("login-email").fill("admin@demo.test");
    await page.getByTestId("login-password").fill("demo-password-1");
    await page.getByTestId("login-submit").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));

    const { items } = await apiQuery<{ items: { id: string }[] }>(page, "transactions.list", { limit: 1 });
    const { items: auths } = await apiQuery<{ items: { _id: string }[] }>(page, "authentications.list", { limit: 1 });
    for (const path of [
      "/authentications",
      `/authentications/${auths[0]?._id ?? ""}`,
      "/transactions",
      `/transactions/${items[0]?.id ?? ""}`,
      "/tokens",
      "/audit",
      "/users",
    ]) {
      await settle(page, path);
      // The colour-scheme switch re-renders Mantine's style tags: both schemes must pass.
      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForTimeout(50);
      await page.emulateMedia({ colorScheme: "light" });
    }
    expect(violations).toEqual([]);
  });
});
