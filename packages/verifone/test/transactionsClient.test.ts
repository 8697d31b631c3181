import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createVerifoneClient, type VerifoneClientOptions } from "../src/client/createVerifoneClient.ts";
import { VerifoneApiError, VerifoneRequestError, VerifoneUnavailableError } from "../src/errors.ts";
import type { Filter } from "../src/fields/fieldSpec.ts";
import { encodeTransactionsQuery } from "../src/query/encodeTransactionsQuery.ts";
import { failure } from "./failure.ts";
import { type Answer, startFakeVerifone } from "./fakeVerifone.ts";

const userId = "merchant-user";
const apiKey = "s3cret-api-key";
const basic = `Basic ${Buffer.from(`${userId}:${apiKey}`).toString("base64")}`;
const key = "3f0c2a8e-5b1d-4c7e-9a6f-0d2b4e6f8a1c";
const listed = {
  id: "t-1",
  amount: 12.5,
  currency_code: "EUR",
  transaction_type: "SALE",
  transaction_status: "SETTLED",
};
const read = { ...listed, amount: "12.50" };
const refunded = { id: "r-1", amount: 500, status: "REFUNDED" };

let fake: Awaited<ReturnType<typeof startFakeVerifone>>;
beforeAll(async () => {
  fake = await startFakeVerifone();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function client(options: Partial<VerifoneClientOptions> = {}) {
  return createVerifoneClient({
    baseUrl: fake.baseUrl,
    userId,
    apiKey,
    retries: 3,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...options,
  }).transactions;
}

describe("transactions.list", () => {
  it("GETs /oidc/api/v2/transactions with the transactions grammar, skip sent as pages", async () => {
    const filters: Filter[] = [
      { field: "transaction_status", op: "eq", value: "SETTLED" },
      { field: "created_at", op: "gte", value: "2024-01-01" },
    ];
    const query = { filters, sort: [{ field: "created_at", desc: true }], limit: 25, skip: 50 };
    fake.answer({ body: [listed] });
    await expect(client().list(query, { requestId: "req-1" })).resolves.toEqual([listed]);
    const [request] = fake.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(
      "/oidc/api/v2/transactions?transaction_status=SETTLED&created_start=2024-01-01&_sort=-created_at&_limit=25&_skip=2",
    );
    expect(request?.headers.authorization).toBe(basic);
    expect(request?.headers["x-request-id"]).toBe("req-1");
    expect(request?.headers["x-vfi-api-idempotencykey"]).toBeUndefined();
  });

  it("refuses a skip that is not a whole page without calling Verifone", async () => {
    await expect(client().list({ limit: 50, skip: 10 })).rejects.toThrow(/multiple of limit/);
    expect(fake.requests).toHaveLength(0);
  });

  it("treats a wrapper object (the spec documents a bare array) as malformed", async () => {
    fake.answer({ body: { items: [listed] } });
    const error = await failure(client({ retries: 0 }).list());
    expect(error).toMatchObject({ name: "VerifoneUnavailableError", reason: "malformed" });
  });

  it("retries a 500, a 504 and a dropped connection", async () => {
    fake.answer(
      { status: 500, body: { code: 500, message: "boom" } },
      { status: 504, body: { code: 504, message: "Gateway Time-out" } },
      { drop: true },
      { body: [listed] },
    );
    await expect(client().list()).resolves.toEqual([listed]);
    expect(fake.requests).toHaveLength(4);
  });
});

describe("transactions.count", () => {
  it("GETs /count with the filters only and reads {count}", async () => {
    const filters: Filter[] = [{ field: "currency_code", op: "eq", value: "EUR" }];
    fake.answer({ body: { count: 42 } });
    await expect(client().count({ filters })).resolves.toBe(42);
    expect(fake.requests[0]?.url).toBe(`/oidc/api/v2/transactions/count?${encodeTransactionsQuery({ filters })}`);
  });

  it("refuses a count that is not a whole number", async () => {
    fake.answer({ body: { count: 2.5 } });
    await expect(client({ retries: 0 }).count()).rejects.toMatchObject({ reason: "malformed" });
  });
});

describe("transactions.get", () => {
  it("GETs the singular /transaction/{id}, percent-encoded", async () => {
    fake.answer({ body: read });
    await expect(client().get("t/1 ?")).resolves.toEqual(read);
    expect(fake.requests[0]?.url).toBe("/oidc/api/v2/transaction/t%2F1%20%3F");
  });

  it("keeps a 404 as a non-retryable VerifoneApiError", async () => {
    fake.answer({ status: 404, body: { code: 404, message: "Transaction not found" } });
    const error = await failure(client().get("nope"));
    expect(error).toBeInstanceOf(VerifoneApiError);
    expect(error).toMatchObject({ status: 404, upstreamMessage: "Transaction not found", retryable: false });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("money moves", () => {
  const moves = [
    [
      "refund",
      (c: ReturnType<typeof client>) =>
        c.refund("t-1", { amount: 500, reason: "damaged" }, { idempotencyKey: key, requestId: "req-2" }),
      '{"amount":500,"reason":"damaged"}',
    ],
    [
      "capture",
      (c: ReturnType<typeof client>) => c.capture("t-1", { amount: 500 }, { idempotencyKey: key, requestId: "req-2" }),
      '{"amount":500}',
    ],
    ["void", (c: ReturnType<typeof client>) => c.void("t-1", { idempotencyKey: key, requestId: "req-2" }), ""],
    [
      "void_capture",
      (c: ReturnType<typeof client>) => c.voidCapture("t-1", { idempotencyKey: key, requestId: "req-2" }),
      "",
    ],
  ] as const;

  it.each(moves)(
    "%s POSTs to /transactions/{id}/%s with the body, the idempotency key and the request id",
    async (action, call, body) => {
      fake.answer({ status: 201, body: refunded });
      await expect(call(client())).resolves.toEqual(refunded);
      expect(fake.requests).toHaveLength(1);
      const [request] = fake.requests;
      expect(request?.method).toBe("POST");
      expect(request?.url).toBe(`/oidc/api/v2/transactions/t-1/${action}`);
      expect(request?.body).toBe(body);
      expect(request?.headers["content-type"]).toBe(body === "" ? undefined : "application/json");
      expect(request?.headers["x-vfi-api-idempotencykey"]).toBe(key);
      expect(request?.headers["x-request-id"]).toBe("req-2");
      expect(request?.headers.authorization).toBe(basic);
    },
  );

  const failures: [string, Answer][] = [
    ["a 500", { status: 500, body: { code: 500, message: "boom" } }],
    ["a 504", { status: 504, body: { code: 504, message: "Gateway Time-out" } }],
    ["a dropped connection", { drop: true }],
  ];
  it.each(failures)("%s is never retried, whatever the move", async (_, answer) => {
    for (const [, call] of moves) {
      fake.reset();
      fake.answer(answer, { status: 201, body: refunded });
      const error = await failure(call(client()));
      expect(error instanceof VerifoneApiError || error instanceof VerifoneUnavailableError).toBe(true);
      expect(fake.requests).toHaveLength(1);
    }
  });

  it("reports a move Verifone did not answer in time as a timeout — outcome unknown — and does not retry it", async () => {
    fake.answer({ status: 201, body: refunded, delayMs: 2_000 }, { status: 201, body: refunded });
    const error = await failure(client({ timeoutMs: 50 }).refund("t-1", { amount: 500 }, { idempotencyKey: key }));
    expect(error).toBeInstanceOf(VerifoneUnavailableError);
    expect(error).toMatchObject({ reason: "timeout" });
    expect((error as Error).message).toBe(
      "Verifone did not answer POST /oidc/api/v2/transactions/t-1/refund within 50 ms",
    );
    expect(fake.requests).toHaveLength(1);
  });

  it("keeps Verifone's refusal of a move (400) with its message", async () => {
    fake.answer({ status: 400, body: { code: 400, message: "Amount exceeds refundable amount" } });
    const error = await failure(client().refund("t-1", { amount: 99_999 }, { idempotencyKey: key }));
    expect(error).toMatchObject({ status: 400, upstreamMessage: "Amount exceeds refundable amount", retryable: false });
  });

  it("refuses, before calling Verifone, a move without a UUID idempotency key, a bad amount or no id", async () => {
    const c = client();
    const refusals: [() => Promise<unknown>, string][] = [
      [() => c.refund("t-1", { amount: 500 }, { idempotencyKey: "" }), "idempotencyKey"],
      [() => c.void("t-1", { idempotencyKey: "not-a-uuid" }), "idempotencyKey"],
      [() => c.voidCapture("t-1", undefined as never), "idempotencyKey"],
      [() => c.refund("t-1", { amount: 0 }, { idempotencyKey: key }), "amount"],
      [() => c.refund("t-1", { amount: 12.5 }, { idempotencyKey: key }), "amount"],
      [() => c.capture("t-1", { amount: "500" as never }, { idempotencyKey: key }), "amount"],
      [() => c.capture("t-1", {} as never, { idempotencyKey: key }), "amount"],
      [() => c.capture(" ", { amount: 500 }, { idempotencyKey: key }), "id"],
    ];
    for (const [attempt, field] of refusals) {
      const error = await failure(attempt());
      expect(error).toBeInstanceOf(VerifoneRequestError);
      expect(error).toMatchObject({ field });
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("treats a 201 without a transaction body as malformed (the move may have happened)", async () => {
    fake.answer({ status: 201, raw: "" });
    const error = await failure(client().capture("t-1", { amount: 1 }, { idempotencyKey: key }));
    expect(error).toMatchObject({ name: "VerifoneUnavailableError", reason: "malformed" });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("transactions.createdWith", () => {
  it("asks the list what an idempotency key created, and refuses a key that is not a UUID before any call", async () => {
    fake.answer({ body: [{ id: "r-1", parent_id: "t-1" }] });
    await expect(client().createdWith(key)).resolves.toEqual([{ id: "r-1", parent_id: "t-1" }]);
    expect(fake.requests[0]?.url).toBe(`/oidc/api/v2/transactions?x-vfi-api-idempotencykey=${key}`);
    await expect(client().createdWith("not-a-key")).rejects.toMatchObject({ field: "idempotencyKey" });
    expect(fake.requests).toHaveLength(1);
  });
});
