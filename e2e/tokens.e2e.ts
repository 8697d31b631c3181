import type { Request } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { apiQuery } from "./session.ts";

// Tokens, driven through the built dashboard against the real product (API + embedded sandbox + PGlite): support
// suspends, re-activates and deletes a seeded stored card; bad ids; operations locked out (UI and server); a
// manager's limits. Seeded tokens are found the way a merchant's system would: through the sandbox's Verifone API.

const sandboxAuth = `Basic ${Buffer.from("sandbox-user:sandbox-key").toString("base64")}`;

type SeededToken = { reuse_token: string; last_four: string; token_status: string };
type Seeded = { token: SeededToken; authenticationId: string };

const run = productInBrowser({ SANDBOX_USER_ID: "sandbox-user", SANDBOX_API_KEY: "sandbox-key" });
/** ACTIVE seeded tokens, each used by one test only (actions change them), with an authentication naming each. */
let active: Seeded[] = [];

async function sandboxGet<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${run.product.sandboxUrl}${path}`, { headers: { authorization: sandboxAuth } });
  return { status: res.status, body: (await res.json()) as T };
}

/** 3-D Secure records name their card by its reuse token: the ACTIVE ones among the first records' cards. */
async function findActiveTokens(count: number): Promise<Seeded[]> {
  const list = await sandboxGet<unknown>("/oidc/3ds-service/v2/3d?_limit=300&_sort=created_at");
  const records = (Array.isArray(list.body) ? list.body : (list.body as { items: unknown[] }).items) as {
    _id: string;
    card?: string;
  }[];
  const found: Seeded[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    if (!record.card || seen.has(record.card)) continue;
    seen.add(record.card);
    const token = await sandboxGet<SeededToken>(`/oidc/api/v2/card/${encodeURIComponent(record.card)}`);
    if (token.status === 200 && token.body.token_status === "ACTIVE" && /^\d{4}$/.test(token.body.last_four)) {
      found.push({ token: token.body, authenticationId: record._id });
      if (found.length === count) return found;
    }
  }
  throw new Error(`only ${found.length} ACTIVE seeded tokens found among ${records.length} authentications' cards`);
}

beforeAll(async () => {
  active = await findActiveTokens(5);
});

const seeded = (i: number): Seeded => {
  const s = active[i];
  if (!s) throw new Error(`no seeded token #${i}`);
  return s;
};

describe("tokens in the browser", () => {
  it("support suspends, re-activates and deletes a stored card; the audit trail has the three reasons", async () => {
    const { token, authenticationId } = seeded(0);
    const id = token.reuse_token;
    const page = await run.signedIn("support@demo.test", `/authentications/${authenticationId}`);

    // The authentication's card links to the token.
    const link = page.getByTestId("auth-detail").getByTestId("token-link");
    expect(await link.textContent()).toContain(id);
    await link.click();
    await page.waitForURL((url) => url.pathname === `/tokens/${id}`);
    const status = page.getByTestId("token-status");
    await expect.poll(() => status.textContent()).toBe("ACTIVE");
    expect(await page.getByTestId("token-masked-card").textContent()).toMatch(
      new RegExp(`^\\d{4} \\d{2}•• •••• ${token.last_four}$`),
    );
    expect(await page.getByTestId("token-lookup-input").inputValue()).toBe(id);

    // Suspend: the reason is required; SUSPENDED appears only once the server has answered.
    await page.getByTestId("token-suspend").click();
    const confirm = page.getByTestId("token-confirm");
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId("token-reason").fill("Customer reports the card stolen");
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/trpc/tokens.suspend*", async (route) => {
      await held;
      await route.continue();
    });
    const sent = page.waitForRequest((r) => r.url().includes("/trpc/tokens.suspend"));
    await confirm.click();
    await sent;
    expect(await status.textContent()).toBe("ACTIVE");
    expect(await confirm.getAttribute("data-loading")).not.toBeNull();
    release();
    await expect.poll(() => status.textContent()).toBe("SUSPENDED");
    await page.getByTestId("token-dialog").waitFor({ state: "detached" });
    await page.unroute("**/trpc/tokens.suspend*");
    expect((await apiQuery<SeededToken>(page, "tokens.get", { reuseToken: id })).token_status).toBe("SUSPENDED");

    // Activate.
    await page.getByTestId("token-activate").click();
    await page.getByTestId("token-reason").fill("Customer found the card");
    await page.getByTestId("token-confirm").click();
    await expect.poll(() => status.textContent()).toBe("ACTIVE");
    await page.getByTestId("token-dialog").waitFor({ state: "detached" });

    // Delete: irreversible, said so; the confirm button waits for the right last four digits.
    await page.getByTestId("token-delete").click();
    const dialog = page.getByTestId("token-dialog");
    expect(await dialog.textContent()).toContain("This cannot be undone");
    await page.getByTestId("token-reason").fill("Customer asked us to remove the card");
    expect(await page.getByTestId("token-confirm").isDisabled()).toBe(true);
    const wrong = token.last_four === "0000" ? "1111" : "0000";
    await page.getByTestId("token-delete-last-four").fill(wrong);
    expect(await page.getByTestId("token-confirm").isDisabled()).toBe(true);
    await page.getByTestId("token-delete-last-four").fill(token.last_four);
    expect(await page.getByTestId("token-confirm").isEnabled()).toBe(true);
    await page.getByTestId("token-confirm").click();
    await expect.poll(() => status.textContent()).toBe("DELETED");
    await page.getByTestId("token-no-actions").waitFor();
    for (const action of ["suspend", "activate", "update", "delete"]) {
      expect(await page.getByTestId(`token-${action}`).count(), action).toBe(0);
    }
    const upstream = await sandboxGet<SeededToken>(`/oidc/api/v2/card/${id}`);
    expect(upstream.body.token_status).toBe("DELETED");

    // The recent look-ups remember it, with its last status.
    const recent = page.getByTestId("recent-lookups").locator(`[data-token="${id}"]`);
    await expect.poll(() => recent.textContent()).toContain("DELETED");

    // The audit trail, read by a manager: three events, each with its reason.
    const manager = await run.signedIn("manager@demo.test", "/audit");
    const audit = await apiQuery<{
      items: { action: string; outcome: string; actorEmail: string; input: { reason?: string } }[];
    }>(manager, "audit.list", { target: id });
    expect(audit.items.map((e) => [e.action, e.outcome, e.actorEmail, e.input.reason])).toEqual([
      ["tokens.delete", "success", "support@demo.test", "Customer asked us to remove the card"],
      ["tokens.activate", "success", "support@demo.test", "Customer found the card"],
      ["tokens.suspend", "success", "support@demo.test", "Customer reports the card stolen"],
    ]);
  });

  it("a malformed id gets a validation message and no request; an unknown id 'No token with this id'", async () => {
    const page = await run.signedIn("support@demo.test", "/tokens");
    await page.getByTestId("token-lookup-input").waitFor();
    const tokenRequests: Request[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/trpc/tokens.")) tokenRequests.push(r);
    });

    await page.getByTestId("token-lookup-input").fill("abc123");
    await page.getByTestId("token-lookup-submit").click();
    const error = page.getByTestId("token-lookup-error");
    await expect.poll(() => error.textContent()).toBe("A reuse token has at least 14 characters");
    await page.getByTestId("token-lookup-input").fill("has a space in it");
    await page.getByTestId("token-lookup-input").press("Enter");
    await expect.poll(() => error.textContent()).toBe("A reuse token has no spaces or special characters");
    expect(new URL(page.url()).pathname).toBe("/tokens");
    expect(tokenRequests).toEqual([]);

    const unknown = "ZZZZZZZZZZZZZZZZ";
    await page.getByTestId("token-lookup-input").fill(unknown);
    await page.getByTestId("token-lookup-submit").click();
    await expect.poll(() => error.textContent()).toBe(`No token with this id: ${unknown}`);
    expect(new URL(page.url()).pathname).toBe(`/tokens/${unknown}`);
    expect(tokenRequests.map((r) => new URL(r.url()).pathname)).toEqual(["/trpc/tokens.get"]);
    expect(await page.getByTestId("token-card").count()).toBe(0);
  });

  it("operations has no Tokens item, /tokens is forbidden, and the server refuses a suspend with 403", async () => {
    const id = seeded(1).token.reuse_token;
    const page = await run.signedIn("ops@demo.test", "/authentications");
    await page.getByTestId("nav-authentications").waitFor();
    expect(await page.getByTestId("nav-tokens").count()).toBe(0);

    await page.goto(`/tokens/${id}`);
    const forbidden = page.getByTestId("forbidden-page");
    await forbidden.waitFor();
    expect(await forbidden.textContent()).toContain("Your role (Operations) cannot open the card tokens");
    expect(await page.getByTestId("token-lookup-input").count()).toBe(0);

    // Straight at the API with the operations session: refused on the permission, not on anything else.
    const res = await page.request.post(`${run.product.url}/trpc/tokens.suspend`, {
      headers: { origin: run.product.url, "content-type": "application/json" },
      data: { reuseToken: id, reason: "trying anyway" },
    });
    expect(res.status()).toBe(403);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("FORBIDDEN");
    expect(body.error.message).toContain("tokens.suspend");
    expect((await sandboxGet<SeededToken>(`/oidc/api/v2/card/${id}`)).body.token_status).toBe("ACTIVE");
  });

  it("when Verifone drops the suspend, the outcome is called unknown and the token is shown as re-read", async () => {
    const id = seeded(3).token.reuse_token;
    const page = await run.signedIn("support@demo.test", `/tokens/${id}`);
    await expect.poll(() => page.getByTestId("token-status").textContent()).toBe("ACTIVE");
    const fault = await fetch(`${run.product.sandboxUrl}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: sandboxAuth },
      body: JSON.stringify({ method: "PATCH", path: `/oidc/api/v2/card/${id}/suspend`, mode: "drop" }),
    });
    expect(fault.status).toBe(201);

    await page.getByTestId("token-suspend").click();
    await page.getByTestId("token-reason").fill("Card stolen");
    const reread = page.waitForRequest((r) => r.url().includes("/trpc/tokens.get"));
    await page.getByTestId("token-confirm").click();
    const unknown = page.getByTestId("token-outcome-unknown");
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain("The outcome of the suspension is unknown");
    await reread;
    // The connection was dropped before the sandbox acted: the re-read shows it still active, not a guess.
    await expect.poll(() => page.getByTestId("token-status").textContent()).toBe("ACTIVE");
    expect(await page.getByTestId("token-dialog").count()).toBe(0);
  });

  it("a delete whose answer never reaches the browser is read again and reported done, once", async () => {
    const { token } = seeded(4);
    const id = token.reuse_token;
    const page = await run.signedIn("support@demo.test", `/tokens/${id}`);
    await expect.poll(() => page.getByTestId("token-status").textContent()).toBe("ACTIVE");
    // The API deletes the token and answers; the browser's connection drops before the answer arrives.
    const deletes: string[] = [];
    await page.route("**/trpc/tokens.delete**", async (route) => {
      deletes.push(route.request().url());
      await route.fetch();
      await route.abort("connectionreset");
    });

    await page.getByTestId("token-delete").click();
    await page.getByTestId("token-reason").fill("Customer asked us to remove the card");
    await page.getByTestId("token-delete-last-four").fill(token.last_four);
    await page.getByTestId("token-confirm").click();
    const learnt = page.getByTestId("token-outcome-learnt");
    await learnt.waitFor();
    expect(await learnt.textContent()).toContain("The deletion went through");
    await expect.poll(() => page.getByTestId("token-status").textContent()).toBe("DELETED");
    expect(await page.getByTestId("token-action-error").count()).toBe(0);
    expect(deletes).toHaveLength(1);

    const manager = await run.signedIn("manager@demo.test", "/audit");
    const audit = await apiQuery<{ items: { action: string; outcome: string }[] }>(manager, "audit.list", {
      target: id,
    });
    expect(audit.items.map((e) => [e.action, e.outcome])).toEqual([["tokens.delete", "success"]]);
  });

  it("a manager may suspend but sees Update and Delete disabled, with the reason", async () => {
    const id = seeded(2).token.reuse_token;
    const page = await run.signedIn("manager@demo.test", `/tokens/${id}`);
    await page.getByTestId("token-card").waitFor();
    expect(await page.getByTestId("nav-tokens").count()).toBe(1);
    expect(await page.getByTestId("token-suspend").isEnabled()).toBe(true);
    for (const [action, reason] of [
      ["delete", "Your role (Manager) cannot delete stored cards"],
      ["update", "Your role (Manager) cannot update stored cards"],
    ] as const) {
      const button = page.getByTestId(`token-${action}`);
      expect(await button.isDisabled(), action).toBe(true);
      const wrapper = page.locator("span[aria-description]", { has: button });
      expect(await wrapper.getAttribute("aria-description")).toBe(reason);
    }
    // The reason shows on hover, too.
    await page.locator("span[aria-description]", { has: page.getByTestId("token-delete") }).hover();
    await page.getByRole("tooltip").getByText("Your role (Manager) cannot delete stored cards").waitFor();
  });
});
