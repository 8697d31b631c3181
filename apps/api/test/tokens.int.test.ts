import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, sandboxAuth, startStack } from "./harness.ts";

type Token = {
  reuse_token: string;
  token_status: string;
  expiry_month?: number;
  expiry_year?: number;
  card_holder_name?: string;
};

let stack: Stack;
let support: Client;
let manager: Client;
const active: string[] = [];

beforeAll(async () => {
  stack = await startStack({ authentications: 300 });
  support = await stack.signIn("support@demo.test");
  manager = await stack.signIn("manager@demo.test");
  // Seeded tokens, found the way a merchant's system would: the card ids of authentications, then Verifone's token API.
  const cards = new Set(
    (await stack.upstream<{ card?: string }[]>("/v2/3d?_limit=300")).map((a) => a.card).filter(Boolean),
  );
  const basic = `Basic ${Buffer.from(`${sandboxAuth.userId}:${sandboxAuth.apiKey}`).toString("base64")}`;
  for (const card of cards) {
    const res = await fetch(`${stack.sandbox.url}/oidc/api/v2/card/${card}`, { headers: { authorization: basic } });
    if (res.ok && ((await res.json()) as Token).token_status === "ACTIVE") active.push(String(card));
  }
});
afterAll(() => stack?.close());
afterEach(() => fetch(`${stack.sandbox.url}/__sandbox/faults`, { method: "DELETE" }));

function nextActiveToken(): string {
  const token = active.shift();
  if (!token) throw new Error("no active seeded token left");
  return token;
}
function fault(body: Record<string, unknown>) {
  return fetch(`${stack.sandbox.url}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
async function auditOf(reuseToken: string) {
  const page = await manager.query<{
    items: { action: string; outcome: string; actorEmail: string; input: { reason?: string } }[];
  }>("audit.list", { target: reuseToken });
  return page.body.result?.data.items ?? [];
}

describe("tokens", () => {
  it("has seeded active tokens to work with", () => {
    expect(active.length).toBeGreaterThan(8);
  });

  it("suspend → activate → update → delete, each confirmed by Verifone and audited with its reason", async () => {
    const id = nextActiveToken();
    const suspended = await support.mutate<Token>("tokens.suspend", { reuseToken: id, reason: "card reported stolen" });
    expect(suspended.body.result?.data.token_status).toBe("SUSPENDED");
    const activated = await support.mutate<Token>("tokens.activate", { reuseToken: id, reason: "card found again" });
    expect(activated.body.result?.data.token_status).toBe("ACTIVE");
    const year = new Date().getUTCFullYear() + 3;
    const updated = await support.mutate<Token>("tokens.update", {
      reuseToken: id,
      changes: { expiry_month: 7, expiry_year: year, card_holder_name: "ADA LOVELACE" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.result?.data).toMatchObject({
      expiry_month: 7,
      expiry_year: year,
      card_holder_name: "ADA LOVELACE",
    });
    const deleted = await support.mutate<Token>("tokens.delete", {
      reuseToken: id,
      reason: "customer asked to remove the card",
    });
    expect(deleted.body.result?.data.token_status).toBe("DELETED");
    expect((await support.query<Token>("tokens.get", { reuseToken: id })).body.result?.data.token_status).toBe(
      "DELETED",
    );

    const events = await auditOf(id);
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "tokens.delete:success",
      "tokens.update:success",
      "tokens.activate:success",
      "tokens.suspend:success",
    ]);
    expect(events.map((e) => e.input.reason).filter(Boolean)).toEqual([
      "customer asked to remove the card",
      "card found again",
      "card reported stolen",
    ]);
  });

  it("refuses actions the state does not allow, saying the current state", async () => {
    const id = nextActiveToken();
    expect(
      (await support.mutate("tokens.activate", { reuseToken: id, reason: "already fine" })).body.error?.message,
    ).toMatch(/already active/i);
    await support.mutate("tokens.suspend", { reuseToken: id, reason: "lost" });
    const again = await support.mutate("tokens.suspend", { reuseToken: id, reason: "lost again" });
    expect(again.status).toBe(412);
    expect(again.body.error?.message).toMatch(/already suspended/i);
    await support.mutate("tokens.delete", { reuseToken: id, reason: "remove" });
    const revive = await support.mutate("tokens.activate", { reuseToken: id, reason: "revive" });
    expect(revive.status).toBe(412);
    expect(revive.body.error?.message).toMatch(/deleted/i);
  });

  it("two people deleting one token: one succeeds, the other is told it is already deleted; both audited", async () => {
    const id = nextActiveToken();
    const other = await stack.signIn("admin@demo.test");
    const answers = await Promise.all([
      support.mutate("tokens.delete", { reuseToken: id, reason: "duplicate card" }),
      other.mutate("tokens.delete", { reuseToken: id, reason: "customer request" }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    expect(answers.find((a) => a.status === 412)?.body.error?.message).toMatch(/already deleted/i);
    const events = (await auditOf(id)).filter((e) => e.action === "tokens.delete");
    expect(events.map((e) => e.outcome).sort()).toEqual(["refused", "success"]);
  });

  it("a malformed id is refused naming the field, with no call to Verifone", async () => {
    // Exactly as many failures as one read tries (1 + 2 retries): any earlier call would use one up.
    await fault({ path: "/oidc/api/v2/card/*", times: 3, status: 500 });
    const bad = await support.query("tokens.get", { reuseToken: "short" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.problems?.[0]).toMatchObject({
      path: ["reuseToken"],
      message: expect.stringMatching(/14/),
    });
    // The fault is still armed: nothing reached the sandbox.
    const probe = await support.query("tokens.get", { reuseToken: "0123456789abcdef-unknown" });
    expect(probe.status).toBe(502);
  });

  it("an unknown id: no token with this id", async () => {
    const answer = await support.query("tokens.get", { reuseToken: "0123456789abcdef-unknown" });
    expect(answer.status).toBe(404);
    expect(answer.body.error?.message).toBe("No token with this id");
  });

  it("an update outside the rules names the field", async () => {
    const id = active[0] ?? "";
    const month = await support.mutate("tokens.update", { reuseToken: id, changes: { expiry_month: 13 } });
    expect(month.status).toBe(400);
    expect(month.body.error?.data.problems?.[0]?.path).toEqual(["changes", "expiry_month"]);
    const name = await support.mutate("tokens.update", {
      reuseToken: id,
      changes: { card_holder_name: "X".repeat(31) },
    });
    expect(name.body.error?.data.problems?.[0]?.path).toEqual(["changes", "card_holder_name"]);
  });

  it("an upstream timeout on a mutation says the outcome is unknown", async () => {
    const id = nextActiveToken();
    await fault({ method: "PATCH", path: `/oidc/api/v2/card/${id}/suspend`, times: 1, mode: "drop" });
    const answer = await support.mutate("tokens.suspend", { reuseToken: id, reason: "stolen" });
    expect(answer.status).toBe(504);
    expect(answer.body.error?.message).toMatch(/outcome is unknown/);
    expect(answer.body.error?.data.upstream).toMatchObject({ outcomeUnknown: true });
    expect((await auditOf(id))[0]).toMatchObject({ action: "tokens.suspend", outcome: "failure" });
  });

  it("operations can neither read nor act on tokens; managers may suspend but not delete or update", async () => {
    const id = active[0] ?? "";
    expect((await stack.query("tokens.get", { reuseToken: id })).status).toBe(403);
    expect((await stack.mutate("tokens.suspend", { reuseToken: id, reason: "nope" })).status).toBe(403);
    expect((await manager.mutate("tokens.delete", { reuseToken: id, reason: "nope" })).status).toBe(403);
    expect((await manager.mutate("tokens.update", { reuseToken: id, changes: { expiry_month: 1 } })).status).toBe(403);
    expect((await manager.query<Token>("tokens.get", { reuseToken: id })).status).toBe(200);
  });

  it("a delete whose answer was lost is read again and reported done, audited as a success", async () => {
    const id = nextActiveToken();
    // Verifone deletes the token, then the connection drops before its answer arrives.
    await fault({ method: "DELETE", path: `/oidc/api/v2/card/${id}`, mode: "lose-answer" });
    const answer = await support.mutate<Token>("tokens.delete", { reuseToken: id, reason: "customer asked" });
    expect(answer.body.error?.message).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.result?.data.token_status).toBe("DELETED");
    const events = await auditOf(id);
    expect(events.find((e) => e.action === "tokens.delete")?.outcome).toBe("success");
  });
});
