import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createVerifoneClient, type VerifoneClientOptions } from "../src/client/createVerifoneClient.ts";
import { VerifoneApiError, VerifoneRequestError } from "../src/errors.ts";
import { failure } from "./failure.ts";
import { type Answer, startFakeVerifone } from "./fakeVerifone.ts";

const token = "VFrandom54965984";
const key = "3f0c2a8e-5b1d-4c7e-9a6f-0d2b4e6f8a1c";
const details = { reuse_token: token, last_four: "1111", expiry_month: 12, expiry_year: 2030, token_status: "ACTIVE" };

let fake: Awaited<ReturnType<typeof startFakeVerifone>>;
beforeAll(async () => {
  fake = await startFakeVerifone();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function client(options: Partial<VerifoneClientOptions> = {}) {
  return createVerifoneClient({
    baseUrl: fake.baseUrl,
    userId: "u",
    apiKey: "k",
    retries: 3,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...options,
  }).tokens;
}

describe("tokens.get", () => {
  it("GETs /oidc/api/v2/card/{id}", async () => {
    fake.answer({ body: details });
    await expect(client().get(token, { requestId: "req-1" })).resolves.toEqual(details);
    expect(fake.requests[0]).toMatchObject({ method: "GET", url: `/oidc/api/v2/card/${token}` });
    expect(fake.requests[0]?.headers["x-request-id"]).toBe("req-1");
  });

  it("is retried after a 500, a 504 and a dropped connection", async () => {
    fake.answer({ status: 500, body: {} }, { status: 504, body: {} }, { drop: true }, { body: details });
    await expect(client().get(token)).resolves.toEqual(details);
    expect(fake.requests).toHaveLength(4);
  });

  it("keeps a 404", async () => {
    fake.answer({ status: 404, body: { code: 404, message: "Token not found" } });
    const error = await failure(client().get(token));
    expect(error).toBeInstanceOf(VerifoneApiError);
    expect(error).toMatchObject({ status: 404, upstreamMessage: "Token not found" });
  });
});

describe("token changes", () => {
  it.each([
    ["suspend", "PATCH", "/suspend"],
    ["activate", "PATCH", "/activate"],
    ["delete", "DELETE", ""],
  ] as const)("%s sends %s /card/{id}%s without a body and resolves on 204", async (action, method, suffix) => {
    fake.answer({ status: 204 });
    await expect(client()[action](token, { idempotencyKey: key, requestId: "req-3" })).resolves.toBeUndefined();
    const [request] = fake.requests;
    expect(request).toMatchObject({ method, url: `/oidc/api/v2/card/${token}${suffix}`, body: "" });
    expect(request?.headers["x-vfi-api-idempotencykey"]).toBe(key);
    expect(request?.headers["x-request-id"]).toBe("req-3");
  });

  it("sends no idempotency header when none is given", async () => {
    fake.answer({ status: 204 });
    await client().suspend(token);
    expect(fake.requests[0]?.headers["x-vfi-api-idempotencykey"]).toBeUndefined();
  });

  it("update PATCHes the changes as JSON and returns the token", async () => {
    const changes = { expiry_month: 1, expiry_year: 2031, card_holder_name: "MR J HOLDER" };
    const updated = { ...details, ...changes };
    fake.answer({ body: updated });
    await expect(client().update(token, changes, { idempotencyKey: key })).resolves.toEqual(updated);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: "PATCH", url: `/oidc/api/v2/card/${token}` });
    expect(JSON.parse(request?.body ?? "")).toEqual(changes);
    expect(request?.headers["content-type"]).toBe("application/json");
  });

  it("put PUTs /card with the body and returns the token", async () => {
    const body = {
      token_scope: "0e48425a-f1bc-431a-b7d8-f866de8ba276",
      encrypted_card: "U3dhZ2dlciByb2Nrcw==",
      public_key_alias: "k1",
    };
    fake.answer({ body: details });
    await expect(client().put(body)).resolves.toEqual(details);
    expect(fake.requests[0]).toMatchObject({ method: "PUT", url: "/oidc/api/v2/card" });
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual(body);
  });

  const failures: [string, Answer][] = [
    ["a 500", { status: 500, body: { code: 500, message: "boom" } }],
    ["a 504", { status: 504, body: { code: 504, message: "Gateway Time-out" } }],
    ["a dropped connection", { drop: true }],
  ];
  it.each(failures)("%s on a change is never retried", async (_, answer) => {
    const c = client();
    const changes: (() => Promise<unknown>)[] = [
      () => c.suspend(token),
      () => c.activate(token),
      () => c.delete(token),
      () => c.update(token, { card_holder_name: "X" }),
    ];
    for (const change of changes) {
      fake.reset();
      fake.answer(answer, { status: 204 });
      await expect(change()).rejects.toBeDefined();
      expect(fake.requests).toHaveLength(1);
    }
  });

  it("reports a change Verifone did not answer in time as a timeout, once", async () => {
    fake.answer({ status: 204, delayMs: 2_000 }, { status: 204 });
    await expect(client({ timeoutMs: 50 }).delete(token)).rejects.toMatchObject({ reason: "timeout" });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("reuse token checks", () => {
  it("accepts 14 and 255 characters", async () => {
    fake.answer({ body: details }, { body: details });
    await client().get("A".repeat(14));
    await client().get("A".repeat(255));
    expect(fake.requests.map((r) => r.url.length)).toEqual([
      "/oidc/api/v2/card/".length + 14,
      "/oidc/api/v2/card/".length + 255,
    ]);
  });

  it.each([
    ["13 characters", "A".repeat(13), /14 to 255 characters, this one has 13/],
    ["256 characters", "A".repeat(256), /this one has 256/],
    ["empty", "", /required/],
    ["a space", "VFrandom 4965984", /no spaces/],
    ["non-ASCII", "VFrandom5496598é", /non-ASCII/],
  ])("refuses %s before any call, on every operation", async (_, bad, message) => {
    const c = client();
    const calls: (() => Promise<unknown>)[] = [
      () => c.get(bad),
      () => c.suspend(bad),
      () => c.activate(bad),
      () => c.delete(bad),
      () => c.update(bad, {}),
    ];
    for (const call of calls) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(VerifoneRequestError);
      expect(error).toMatchObject({ field: "reuseToken", message: expect.stringMatching(message) });
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses an idempotency key that is not a UUID, and changes that are not an object", async () => {
    await expect(client().suspend(token, { idempotencyKey: "abc" })).rejects.toMatchObject({ field: "idempotencyKey" });
    await expect(client().update(token, null as never)).rejects.toMatchObject({ field: "changes" });
    expect(fake.requests).toHaveLength(0);
  });
});
