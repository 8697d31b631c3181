import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createVerifoneClient, type VerifoneClientOptions } from "../src/client/createVerifoneClient.ts";
import { VerifoneApiError, VerifoneUnavailableError } from "../src/errors.ts";
import type { Filter } from "../src/fields/fieldSpec.ts";
import { encodeThreeDSQuery } from "../src/query/encodeQuery.ts";
import { startFakeVerifone } from "./fakeVerifone.ts";

const userId = "merchant-user";
const apiKey = "s3cret-api-key-DO-NOT-LEAK";
const basic = `Basic ${Buffer.from(`${userId}:${apiKey}`).toString("base64")}`;
const authentication = { _id: "a-1", amount: 1250, currency_code: "EUR", authentication: { pares_status: "Y" } };
const verifoneError = { code: 400, message: "Invalid parameter amount>", details: { field: "amount" }, timestamp: 1 };

let fake: Awaited<ReturnType<typeof startFakeVerifone>>;
const warnings: { obj: Record<string, unknown>; msg: string }[] = [];

function client(options: Partial<VerifoneClientOptions> = {}) {
  return createVerifoneClient({
    baseUrl: fake.baseUrl,
    userId,
    apiKey,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    logger: { warn: (obj, msg) => warnings.push({ obj, msg }) },
    ...options,
  });
}

/** Awaits a promise that must reject, and returns what it rejected with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

function expectNoSecret(error: unknown) {
  const seen = [String(error), (error as Error).stack ?? "", JSON.stringify(error), String((error as Error).cause)];
  for (const text of seen) {
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(basic.slice(6));
  }
}

beforeAll(async () => {
  fake = await startFakeVerifone();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  warnings.length = 0;
});

describe("threeDS.list", () => {
  it("sends Basic auth, the request id and exactly the encoded query, and returns the records", async () => {
    const filters: Filter[] = [
      { field: "authentication.pares_status", op: "eq", value: "Y" },
      { field: "amount", op: "gte", value: 1000 },
      { field: "transaction_id", op: "like", value: "a&b=c #1" },
    ];
    const query = { filters, sort: [{ field: "created_at", desc: true }], limit: 50, skip: 100 };
    fake.answer({ body: [authentication] });
    const items = await client().threeDS.list(query, { requestId: "req-123" });
    expect(items).toEqual([authentication]);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe("GET");
    expect(request?.headers.authorization).toBe(basic);
    expect(request?.headers["x-request-id"]).toBe("req-123");
    expect(request?.headers.accept).toBe("application/json");
    // fetch's URL parser writes > and < as %3E / %3C; otherwise the query is sent as encoded.
    const expected = new URL(`http://x/oidc/3ds-service/v2/3d?${encodeThreeDSQuery(query)}`);
    expect(request?.url).toBe(expected.pathname + expected.search);
  });

  it("sends no query string and no request id when there are none", async () => {
    fake.answer({ body: [] });
    await expect(client().threeDS.list()).resolves.toEqual([]);
    expect(fake.requests[0]?.url).toBe("/oidc/3ds-service/v2/3d");
    expect(fake.requests[0]?.headers["x-request-id"]).toBeUndefined();
  });

  it("treats a body that is not a list as malformed", async () => {
    fake.answer({ body: { items: [] } }, { body: { items: [] } });
    const error = await failure(client({ retries: 1 }).threeDS.list());
    expect(error).toBeInstanceOf(VerifoneUnavailableError);
    expect(error).toMatchObject({ reason: "malformed", retryable: true });
    expect(fake.requests).toHaveLength(2);
  });
});

describe("threeDS.count", () => {
  it("sends only the filters and reads {count}", async () => {
    const filters: Filter[] = [{ field: "currency_code", op: "neq", value: "EUR" }];
    fake.answer({ body: { count: 42 } });
    await expect(client().threeDS.count({ filters })).resolves.toBe(42);
    expect(fake.requests[0]?.url).toBe(`/oidc/3ds-service/v2/3d/count?${encodeThreeDSQuery({ filters })}`);
  });

  it("accepts a count sent as a numeric string or a bare number", async () => {
    fake.answer({ body: { count: "7" } }, { body: 3 });
    await expect(client().threeDS.count()).resolves.toBe(7);
    await expect(client().threeDS.count()).resolves.toBe(3);
  });

  it.each([{ count: -1 }, { count: "many" }, { total: 3 }, { count: 1.5 }])("refuses %j as malformed", async (body) => {
    fake.answer({ body });
    const error = await failure(client({ retries: 0 }).threeDS.count());
    expect(error).toMatchObject({ name: "VerifoneUnavailableError", reason: "malformed" });
  });
});

describe("threeDS.get", () => {
  it("percent-encodes the id into the path", async () => {
    fake.answer({ body: authentication });
    await expect(client().threeDS.get("a/b c?d")).resolves.toEqual(authentication);
    expect(fake.requests[0]?.url).toBe("/oidc/3ds-service/v2/3d/a%2Fb%20c%3Fd");
  });

  it("refuses an empty id or an unencodable filter without calling Verifone", async () => {
    await expect(client().threeDS.get(" ")).rejects.toThrow(/id is required/);
    const filters: Filter[] = [{ field: "_skip", op: "eq", value: "1" }];
    await expect(client().threeDS.count({ filters })).rejects.toThrow(/_skip/);
    expect(fake.requests).toHaveLength(0);
  });

  it("does not retry a 404 and keeps Verifone's status, code, message and details", async () => {
    fake.answer({ status: 404, body: { code: 404, message: "ThreeDSAuthentication not found", details: { id: "x" } } });
    const error = await failure(client().threeDS.get("x"));
    expect(error).toBeInstanceOf(VerifoneApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 404,
      upstreamMessage: "ThreeDSAuthentication not found",
      details: { id: "x" },
      retryable: false,
    });
    expect((error as Error).message).toBe(
      "Verifone answered 404 to GET /oidc/3ds-service/v2/3d/x: ThreeDSAuthentication not found",
    );
    expect(fake.requests).toHaveLength(1);
  });
});

describe("retries of reads", () => {
  it("retries a 500, a 504 and a dropped connection, then succeeds", async () => {
    fake.answer(
      { status: 500, body: { code: 500, message: "boom" } },
      { status: 504, body: { code: 504, message: "Gateway Time-out" } },
      { drop: true },
      { body: { count: 5 } },
    );
    await expect(client({ retries: 3 }).threeDS.count()).resolves.toBe(5);
    expect(fake.requests).toHaveLength(4);
    expect(warnings.map((w) => [w.obj.attempt, w.obj.status ?? w.obj.reason])).toEqual([
      [1, 500],
      [2, 504],
      [3, "network"],
    ]);
  });

  it("retries a body that is not JSON", async () => {
    fake.answer({ raw: "<html>proxy error</html>" }, { body: [authentication] });
    await expect(client().threeDS.list()).resolves.toEqual([authentication]);
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up after `retries` extra attempts with the last 5xx, status and details kept", async () => {
    const answer = { status: 503, body: { code: 503, message: "maintenance", details: { retry_after: 30 } } };
    fake.answer(answer, answer, answer);
    const error = await failure(client({ retries: 2 }).threeDS.list());
    expect(error).toMatchObject({
      name: "VerifoneApiError",
      status: 503,
      upstreamMessage: "maintenance",
      retryable: true,
    });
    expect((error as VerifoneApiError).details).toEqual({ retry_after: 30 });
    expect(fake.requests).toHaveLength(3);
    expectNoSecret(error);
  });

  it("gives up on connections that keep dropping with a network error", async () => {
    fake.answer({ drop: true }, { drop: true });
    const error = await failure(client({ retries: 1 }).threeDS.get("a-1"));
    expect(error).toBeInstanceOf(VerifoneUnavailableError);
    expect(error).toMatchObject({ reason: "network", retryable: true });
    expect(fake.requests).toHaveLength(2);
    expectNoSecret(error);
  });

  it("keeps a non-JSON error body as the message", async () => {
    fake.answer({ status: 502, raw: "<html>Bad Gateway</html>" });
    const error = await failure(client({ retries: 0 }).threeDS.list());
    expect(error).toMatchObject({ status: 502, upstreamMessage: "<html>Bad Gateway</html>", retryable: true });
  });

  it("never retries a 400, and keeps Verifone's details", async () => {
    fake.answer({ status: 400, body: verifoneError }, { body: [] });
    const error = await failure(client({ retries: 3 }).threeDS.list());
    expect(error).toMatchObject({ status: 400, code: 400, upstreamMessage: verifoneError.message, retryable: false });
    expect((error as VerifoneApiError).details).toEqual({ field: "amount" });
    expect(fake.requests).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it("never retries a 401, and does not reveal the credentials", async () => {
    fake.answer({ status: 401, body: { code: 401, message: "Unauthorized" } });
    const error = await failure(client().threeDS.count());
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(fake.requests).toHaveLength(1);
    expectNoSecret(error);
  });
});

describe("timeouts and cancellation", () => {
  it("times an attempt out, retries it, then reports a timeout", async () => {
    fake.answer({ body: [], delayMs: 2_000 }, { body: [], delayMs: 2_000 });
    const error = await failure(client({ timeoutMs: 50, retries: 1 }).threeDS.list());
    expect(error).toBeInstanceOf(VerifoneUnavailableError);
    expect(error).toMatchObject({ reason: "timeout" });
    expect((error as Error).message).toBe("Verifone did not answer GET /oidc/3ds-service/v2/3d within 50 ms");
    expect(fake.requests).toHaveLength(2);
  });

  it("succeeds when a slow first attempt is followed by a fast one", async () => {
    fake.answer({ body: { count: 1 }, delayMs: 2_000 }, { body: { count: 2 } });
    await expect(client({ timeoutMs: 50 }).threeDS.count()).resolves.toBe(2);
  });

  it("stops at once, without retrying, when the caller aborts", async () => {
    fake.answer({ body: [], delayMs: 2_000 }, { body: [] });
    const controller = new AbortController();
    const pending = client({ retries: 3 }).threeDS.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await failure(pending);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("createVerifoneClient", () => {
  it("refuses a base URL with credentials in it, without repeating them", () => {
    const attempt = () =>
      createVerifoneClient({ baseUrl: "https://u:hunter2@emea.gsc.verifone.cloud", userId, apiKey });
    expect(attempt).toThrow("Verifone base URL must not contain credentials");
  });

  it("refuses missing credentials and bad numbers", () => {
    expect(() => createVerifoneClient({ baseUrl: fake.baseUrl, userId, apiKey: "" })).toThrow(/apiKey/);
    expect(() => createVerifoneClient({ baseUrl: fake.baseUrl, userId, apiKey, retries: -1 })).toThrow(/retries/);
    expect(() => createVerifoneClient({ baseUrl: fake.baseUrl, userId, apiKey, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it("accepts a trailing slash on the base URL", async () => {
    fake.answer({ body: { count: 0 } });
    await expect(client({ baseUrl: `${fake.baseUrl}/` }).threeDS.count()).resolves.toBe(0);
    expect(fake.requests[0]?.url).toBe("/oidc/3ds-service/v2/3d/count");
  });
});

describe("ids that would walk the path", () => {
  it("refuses dot segments, the count route and card numbers before any call", async () => {
    for (const id of [".", "..", "count", "4111111111111111"]) {
      await expect(client().threeDS.get(id)).rejects.toMatchObject({ name: "VerifoneRequestError", field: "id" });
    }
    for (const id of [".", ".."]) {
      await expect(client().transactions.get(id)).rejects.toMatchObject({ name: "VerifoneRequestError", field: "id" });
    }
    await expect(client().tokens.get("4111111111111111")).rejects.toMatchObject({ field: "reuseToken" });
    expect(fake.requests).toHaveLength(0);
  });
});
