import type { Page } from "playwright-core";

export const demoPassword = "demo-password-1";

/** Signs in through the login page, the way a person does, and waits to leave it. */
export async function signIn(page: Page, baseUrl: string, email: string, next = "/authentications") {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(demoPassword);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** A tRPC query from inside the page, with its session cookie: what the API says, to compare the screen with. */
export async function apiQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}
