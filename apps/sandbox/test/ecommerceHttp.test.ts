import { afterEach, describe, expect, it } from "vitest";
import { basic, credentials, type EcomError, encryptCard, useSandbox } from "./harness.ts";

const h = useSandbox({ authentications: 30, tokens: 30, transactions: 80 });
const payment = {
  payment_provider_contract: "d1f0f6ab-1d40-44ae-b16b-8f09fe6fd77f",
  amount: 100,
  currency_code: "EUR",
  encrypted_card: encryptCard("4111111111111111"),
  public_key_alias: "key-1",
};

afterEach(async () => {
  await h.control("/faults", { method: "DELETE" });
});

describe("HTTP Basic auth on the eCommerce paths", () => {
  it.each([
    ["no credentials", { authorization: "" }],
    ["a wrong API key", { authorization: basic(credentials.userId, "wrong") }],
  ])("answers 401 in the eCommerce error shape with %s", async (_name, headers) => {
    for (const [method, path] of [
      ["GET", "/v2/transactions"],
      ["GET", "/v2/transactions/count"],
      ["GET", "/v2/transaction/x"],
      ["POST", "/v2/transactions/card"],
      ["POST", "/v2/transactions/x/refund"],
      ["PUT", "/v2/card"],
      ["GET", "/v2/card/AAAAAAAAAAAAAAAA"],
      ["DELETE", "/v2/card/AAAAAAAAAAAAAAAA"],
      ["PATCH", "/v2/card/AAAAAAAAAAAAAAAA/suspend"],
    ]) {
      const res = await h.ecom(String(method), String(path), method === "GET" ? undefined : {}, headers);
      expect(res.status, `${method} ${path}`).toBe(401);
      const body = (await res.json()) as EcomError;
      expect(body).toMatchObject({ code: 401, reversal_status: "NONE" });
      expect(body.message).toMatch(/^Access is restricted to authenticated users only/);
      expect(body.details.reason?.message).toBeTypeOf("string");
    }
  });
});

describe("faults on the eCommerce paths", () => {
  it("fails the next calls of a path with the status, in the eCommerce shape, then recovers", async () => {
    await h.control("/faults", {
      body: { method: "POST", path: "/oidc/api/v2/transactions/card", times: 2, status: 503 },
    });
    for (let i = 0; i < 2; i++) {
      const res = await h.ecom("POST", "/v2/transactions/card", payment);
      expect(res.status).toBe(503);
      const body = (await res.json()) as EcomError;
      expect(body).toMatchObject({ code: 503, message: "Service Unavailable" });
      expect(body.details.injectedFault?.value).toBeTypeOf("number");
    }
    expect((await h.ecom("POST", "/v2/transactions/card", payment)).status).toBe(201);
  });

  it("does not move money when a payment call is failed by a fault", async () => {
    const before = (await h.ecomJson<{ count: number }>("/v2/transactions/count")).count;
    await h.control("/faults", { body: { path: "/oidc/api/v2/transactions/card", status: 500 } });
    expect((await h.ecom("POST", "/v2/transactions/card", payment)).status).toBe(500);
    expect((await h.ecomJson<{ count: number }>("/v2/transactions/count")).count).toBe(before);
  });

  it("matches a prefix over tokens and transactions alike", async () => {
    await h.control("/faults", { body: { path: "/oidc/api/*", times: 2, status: 504 } });
    expect((await h.ecom("GET", "/v2/card/AAAAAAAAAAAAAAAA")).status).toBe(504);
    expect((await h.ecom("GET", "/v2/transactions")).status).toBe(504);
    expect((await h.ecom("GET", "/v2/transactions")).status).toBe(200);
  });

  it("drops the connection, or answers malformed JSON", async () => {
    await h.control("/faults", { body: { path: "/oidc/api/v2/transactions", mode: "drop" } });
    await expect(h.ecom("GET", "/v2/transactions")).rejects.toThrow();
    await h.control("/faults", { body: { path: "/oidc/api/v2/transactions/count", mode: "malformed" } });
    const res = await h.ecom("GET", "/v2/transactions/count");
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it("delays a token call and then answers normally", async () => {
    await h.control("/faults", { body: { path: "/oidc/api/v2/card/AAAAAAAAAAAAAAAA", delayMs: 120 } });
    const started = performance.now();
    const res = await h.ecom("GET", "/v2/card/AAAAAAAAAAAAAAAA");
    expect(res.status).toBe(404);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe("eCommerce routing and bodies", () => {
  it("answers an unknown path or method with a 404 in the eCommerce shape", async () => {
    for (const [method, path] of [
      ["GET", "/v2/nothing"],
      ["GET", "/v2/card"],
      ["POST", "/v2/transactions/x/explode"],
    ]) {
      const res = await h.ecom(method as string, path as string);
      expect(res.status).toBe(404);
      const body = (await res.json()) as EcomError;
      expect(body.details.reason?.message).toMatch(/^No route for/);
    }
  });

  it("refuses a body that is not JSON, or not an object", async () => {
    const broken = await h.ecom("POST", "/v2/transactions/card", "{not json");
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as EcomError).details.body?.message).toBe("is not valid JSON");
    const array = await h.ecom("POST", "/v2/transactions/card", [1, 2]);
    expect(Object.keys(((await array.json()) as EcomError).details)).toEqual(["body"]);
  });

  it("keeps the 3DS error shape on the 3DS paths", async () => {
    const res = await h.get("/v2/3d/unknown");
    expect(res.status).toBe(404);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.reversal_status).toBeUndefined();
    expect(body.message).toMatch(/not found/);
  });
});

describe("reset and health", () => {
  it("reports and resets tokens and transactions, dropping what was created since", async () => {
    h.sandbox.reset();
    expect(await (await h.control("/health")).json()).toMatchObject({ tokens: 30, transactions: 80 });
    await h.ecom("POST", "/v2/transactions/card", payment);
    expect((await h.ecomJson<{ count: number }>("/v2/transactions/count")).count).toBe(81);
    const reset = await h.control("/reset", { body: { tokens: 5, transactions: 12 } });
    expect(await reset.json()).toMatchObject({ seed: 1, authentications: 30, tokens: 5, transactions: 12 });
    expect((await h.ecomJson<{ count: number }>("/v2/transactions/count")).count).toBe(12);
    h.sandbox.reset({ transactions: 20 });
    expect((await h.ecomJson<{ count: number }>("/v2/transactions/count")).count).toBe(20);
    expect(await (await h.control("/health")).json()).toMatchObject({ tokens: 30, transactions: 20 });
    h.sandbox.reset();
    expect((await h.ecomJson<{ count: number }>("/v2/transactions/count")).count).toBe(80);
  });

  it("refuses bad sizes, naming them", async () => {
    const res = await h.control("/reset", { body: { tokens: -1, transactions: 1.5 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: { errors: { parameter: string }[] } };
    expect(body.details.errors.map((e) => e.parameter)).toEqual(["tokens", "transactions"]);
  });
});
