// The analytics sync against the real sandbox: changes after a challenge, upstream faults, restarts, rule changes
// and concurrent cycles.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "@vbo/sandbox";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi } from "../src/server.ts";
import { type Client, clockFrom, type Stack, sandboxAuth, sandboxNow, startStack } from "./harness.ts";

type Group = { authentications: number; reasons: Record<string, number> };
type Status = {
  syncedThrough: string | null;
  backfill: { done: boolean; through: string | null };
  lastError: string | null;
};

const basic = `Basic ${Buffer.from(`${sandboxAuth.userId}:${sandboxAuth.apiKey}`).toString("base64")}`;
const today = () => sandboxNow.slice(0, 10);

async function ok<T>(client: Client, procedure: string, input?: unknown): Promise<T> {
  const answer = await client.query<T>(procedure, input);
  if (!answer.body.result) throw new Error(`${procedure}: ${JSON.stringify(answer.body.error)}`);
  return answer.body.result.data;
}

async function sandboxPost(url: string, route: string, body: unknown) {
  const res = await fetch(`${url}${route}`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${route} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

const contract = "7076974d-04b9-4375-9814-e9313f6bd036";
function lookup(url: string, cardNumber: string) {
  const card = { cardNumber, expiryMonth: 12, expiryYear: 2031, cvv: "123", captureTime: new Date().toISOString() };
  return sandboxPost(url, "/oidc/3ds-service/v2/lookup", {
    amount: 1250,
    currency_code: "EUR",
    billing_first_name: "Chris",
    billing_last_name: "Brown",
    billing_address_1: "8100 Tyler Blvd",
    billing_city: "Mentor",
    billing_country_code: "US",
    device_info_id: "1_e852b685-6ba3-4f6a-bf30-183cbce64b92",
    email: "john.doe@example.com",
    merchant_reference: "order_123",
    threeds_contract_id: contract,
    encrypted_card: Buffer.from(JSON.stringify(card)).toString("base64"),
    public_key_alias: "sandbox-key-1",
  });
}

const fault = (url: string, body: unknown) =>
  fetch(`${url}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const clearFaults = (url: string) => fetch(`${url}/__sandbox/faults`, { method: "DELETE" });

describe("analytics sync", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ authentications: 400, transactions: 200 });
    expect(await stack.api.analyticsSync.runOnce()).toBe(true);
  }, 60_000);
  afterAll(() => stack?.close());

  const todays = () =>
    ok<{ total: Group }>(stack, "analytics.authentications", { from: today(), to: today(), by: "reason" });

  it("picks up a new authentication, and its challenge completed after it was synced (the overlap window)", async () => {
    const before = (await todays()).total;
    const looked = await lookup(stack.sandbox.url, "4000000000003006");
    await stack.api.analyticsSync.runOnce();
    const pending = (await todays()).total;
    expect(pending.authentications).toBe(before.authentications + 1);
    expect(pending.reasons.CHALLENGE_PENDING ?? 0).toBe((before.reasons.CHALLENGE_PENDING ?? 0) + 1);

    const { jwt } = await sandboxPost(stack.sandbox.url, "/oidc/3ds-service/v2/jwt/create", {
      threeds_contract_id: contract,
    });
    await sandboxPost(stack.sandbox.url, "/oidc/3ds-service/v2/jwt/validate", {
      authentication_id: looked.authentication_id,
      jwt,
      threeds_contract_id: contract,
    });
    await stack.api.analyticsSync.runOnce();
    const done = (await todays()).total;
    expect(done.authentications).toBe(pending.authentications);
    expect(done.reasons.CHALLENGE_PENDING ?? 0).toBe(before.reasons.CHALLENGE_PENDING ?? 0);
    expect(done.reasons.AUTHENTICATED).toBe((pending.reasons.AUTHENTICATED ?? 0) + 1);
  });

  it("keeps its figures and watermark while Verifone fails, says why, and catches up on the next cycle", async () => {
    const before = await ok<Status>(stack, "analytics.status");
    const count = (await todays()).total.authentications;
    await lookup(stack.sandbox.url, "4000000000001000");
    await fault(stack.sandbox.url, { path: "/oidc/3ds-service/*", times: 1000, status: 503 });
    await fault(stack.sandbox.url, { path: "/oidc/api/*", times: 1000, mode: "drop" });
    try {
      expect(await stack.api.analyticsSync.runOnce()).toBe(true);
      const failing = await ok<Status>(stack, "analytics.status");
      expect(failing.lastError).toMatch(/authentications: .*payments: /);
      expect(failing.syncedThrough).toBe(before.syncedThrough);
      expect((await todays()).total.authentications).toBe(count);
    } finally {
      await clearFaults(stack.sandbox.url);
    }
    await stack.api.analyticsSync.runOnce();
    const after = await ok<Status>(stack, "analytics.status");
    expect(after.lastError).toBeNull();
    expect(Date.parse(after.syncedThrough ?? "")).toBeGreaterThan(Date.parse(before.syncedThrough ?? ""));
    expect((await todays()).total.authentications).toBe(count + 1);
  });

  it("re-derives every row when the rules version changes", async () => {
    const period = { from: "2025-11-01", to: today() };
    const right = await ok<{ total: Group }>(stack, "analytics.authentications", { ...period, by: "reason" });
    await stack.api.db.query("UPDATE analytics_authentication SET reason = 'STATUS_UNKNOWN', rules_version = 0");
    await stack.api.db.query("UPDATE analytics_sync_state SET rules_version = 0");
    const wrong = await ok<{ total: Group; complete: boolean }>(stack, "analytics.authentications", {
      ...period,
      by: "reason",
    });
    expect(wrong.total.reasons).toEqual({ STATUS_UNKNOWN: right.total.authentications });
    await stack.api.analyticsSync.runOnce();
    const again = await ok<{ total: Group; complete: boolean }>(stack, "analytics.authentications", {
      ...period,
      by: "reason",
    });
    expect(again.total.reasons).toEqual(right.total.reasons);
    expect(again.complete).toBe(true);
    const { rows } = await stack.api.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM analytics_authentication WHERE rules_version = 0",
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("never runs two cycles at once", async () => {
    const results = await Promise.all([stack.api.analyticsSync.runOnce(), stack.api.analyticsSync.runOnce()]);
    expect(results.sort()).toEqual([false, true]);
  });
});

describe("analytics back-fill", () => {
  it("records a failed first back-fill and resumes it after a restart", async () => {
    // Taken before the sandbox starts its clock: ours is then never behind it.
    const now = clockFrom(sandboxNow);
    const sandbox = await startSandbox({
      port: 0,
      host: "127.0.0.1",
      now: sandboxNow,
      seed: 3,
      authentications: 300,
      transactions: 100,
      ...sandboxAuth,
    });
    const dataDir = await mkdtemp(path.join(tmpdir(), "vbo-analytics-"));
    const start = () =>
      startApi({
        port: 0,
        verifone: { baseUrl: sandbox.url, ...sandboxAuth, timeoutMs: 3_000 },
        upstream: "sandbox",
        database: { dataDir },
        log: pino({ level: "silent" }),
        analytics: { backfillDays: 3650, now },
      });
    try {
      let api = await start();
      await fault(sandbox.url, { path: "/oidc/3ds-service/*", times: 1000, status: 500 });
      await api.analyticsSync.runOnce();
      await clearFaults(sandbox.url);
      const stalled = await api.db.query<{ backfill_done: boolean; last_error: string | null; watermark: Date | null }>(
        "SELECT backfill_done, last_error, watermark FROM analytics_sync_state WHERE stream = 'authentications'",
      );
      expect(stalled.rows[0]).toMatchObject({ backfill_done: false, last_error: expect.stringMatching(/500/) });
      expect(stalled.rows[0]?.watermark).not.toBeNull();
      await api.close();

      api = await start(); // a restart: the state is in the database
      expect(await api.analyticsSync.runOnce()).toBe(true);
      const state = await api.db.query<{ backfill_done: boolean; last_error: string | null }>(
        "SELECT backfill_done, last_error FROM analytics_sync_state ORDER BY stream",
      );
      expect(state.rows).toEqual([
        { backfill_done: true, last_error: null },
        { backfill_done: true, last_error: null },
      ]);
      const stored = await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM analytics_authentication");
      expect(stored.rows[0]?.n).toBe(300);
      await api.close();
    } finally {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
