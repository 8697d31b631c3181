import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTransport } from "../src/client/transport.ts";
import { startFakeVerifone } from "./fakeVerifone.ts";

let fake: Awaited<ReturnType<typeof startFakeVerifone>>;
beforeAll(async () => {
  fake = await startFakeVerifone();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function transport() {
  return createTransport({
    baseUrl: fake.baseUrl,
    userId: "u",
    apiKey: "k",
    timeoutMs: 1_000,
    retries: 3,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
  });
}

describe("transport.write", () => {
  it("is never retried, even on a retryable 500 or a dropped connection", async () => {
    fake.answer({ status: 500, body: { code: 500, message: "boom" } }, { body: { ok: true } });
    await expect(transport().write("POST", "/oidc/api/v2/transactions/t/refund", { amount: 1 })).rejects.toMatchObject({
      status: 500,
    });
    expect(fake.requests).toHaveLength(1);

    fake.reset();
    fake.answer({ drop: true }, { body: { ok: true } });
    await expect(transport().write("POST", "/x", {})).rejects.toMatchObject({ reason: "network" });
    expect(fake.requests).toHaveLength(1);
  });

  it("sends the JSON body, the idempotency key and the request id", async () => {
    fake.answer({ status: 201, body: { id: "r-1" } });
    const result = await transport().write(
      "POST",
      "/oidc/api/v2/transactions/t/refund",
      { amount: 1250 },
      { idempotencyKey: "key-1", requestId: "req-9" },
    );
    expect(result).toEqual({ id: "r-1" });
    const [request] = fake.requests;
    expect(request?.body).toBe('{"amount":1250}');
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-vfi-api-idempotencykey"]).toBe("key-1");
    expect(request?.headers["x-request-id"]).toBe("req-9");
  });
});
