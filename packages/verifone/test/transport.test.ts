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

describe("transport.read deadline", () => {
  it("gives up when the total deadline across retries passes, saying so", async () => {
    const slow = { status: 200, body: [], delayMs: 2_000 };
    fake.answer(slow, slow, slow, slow, slow, slow);
    const reader = createTransport({
      baseUrl: fake.baseUrl,
      userId: "u",
      apiKey: "k",
      timeoutMs: 200,
      readDeadlineMs: 300,
      retries: 5,
      retryBaseDelayMs: 1,
      retryMaxDelayMs: 5,
    });
    const error = await reader.read("/oidc/api/v2/transactions", (b) => b).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VerifoneUnavailableError", reason: "timeout" });
    expect(String((error as Error).message)).toMatch(/within the read deadline of 300 ms/);
    // Six attempts of 200 ms would take 1.2 s; the deadline stops them after the second.
    expect(fake.requests.length).toBeLessThanOrEqual(2);
  });
});
