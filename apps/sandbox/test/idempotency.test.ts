import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type EcomError, encryptCard, useSandbox } from "./harness.ts";

const h = useSandbox({ seed: 17, authentications: 100, tokens: 20, transactions: 100 });
const header = "x-vfi-api-idempotencykey";
const payment = (body: Record<string, unknown> = {}) => ({
  payment_provider_contract: "d1f0f6ab-1d40-44ae-b16b-8f09fe6fd77f",
  amount: 10_000,
  currency_code: "EUR",
  encrypted_card: encryptCard("4111111111111111"),
  public_key_alias: "key-1",
  ...body,
});

const post = (path: string, body: unknown, key?: string) => h.ecom("POST", path, body, key ? { [header]: key } : {});

async function sale(): Promise<string> {
  const res = await post("/v2/transactions/card", payment());
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const byKey = (key: string) => h.ecomJson<{ id: string }[]>(`/v2/transactions?${header}=${key}`);
const statusOf = async (id: string) =>
  (await h.ecomJson<{ transaction_status: string }>(`/v2/transaction/${id}`)).transaction_status;

describe("x-vfi-api-idempotencykey", () => {
  it("replays a card payment: same answer, one transaction", async () => {
    const key = randomUUID();
    const first = await post("/v2/transactions/card", payment(), key);
    const second = await post("/v2/transactions/card", payment(), key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const body = (await first.json()) as { id: string };
    expect(await second.json()).toEqual(body);
    expect((await byKey(key)).map((t) => t.id)).toEqual([body.id]);
  });

  it("replays a refund without refunding twice", async () => {
    const id = await sale();
    const key = randomUUID();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(`/v2/transactions/${id}/refund`, { amount: 4_000 }, key));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const [a, b, c] = await Promise.all(answers.map((r) => r.json()));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // 40.00 refunded once: 60.00 remain, not 20.00 or nothing.
    const over = await post(`/v2/transactions/${id}/refund`, { amount: 6_001 });
    expect(((await over.json()) as EcomError).details["body.amount"]?.refundable).toBe(6_000);
  });

  it("treats a body with its keys in another order as the same request", async () => {
    const id = await sale();
    const key = randomUUID();
    expect((await post(`/v2/transactions/${id}/refund`, { amount: 100, reason: "x" }, key)).status).toBe(201);
    const again = await post(`/v2/transactions/${id}/refund`, '{"reason":"x","amount":100}', key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses the same key with a different body or on another path", async () => {
    const id = await sale();
    const key = randomUUID();
    expect((await post(`/v2/transactions/${id}/refund`, { amount: 100 }, key)).status).toBe(201);
    for (const [path, body] of [
      [`/v2/transactions/${id}/refund`, { amount: 101 }],
      [`/v2/transactions/${id}/void_capture`, undefined],
      ["/v2/transactions/card", payment()],
    ] as const) {
      const res = await post(path, body, key);
      expect(res.status).toBe(400);
      const error = (await res.json()) as EcomError;
      expect(error.details[`headers.${header}`]?.message).toMatch(/already used for a different request/);
    }
    expect((await byKey(key)).length).toBe(1);
  });

  it("replays a refusal as the first outcome, even after the state changed", async () => {
    const id = await sale();
    const key = randomUUID();
    const first = await post(`/v2/transactions/${id}/refund`, { amount: 20_000 }, key);
    expect(first.status).toBe(400);
    const firstBody = await first.json();
    await post(`/v2/transactions/${id}/refund`, { amount: 10_000 }); // now fully refunded
    const again = await post(`/v2/transactions/${id}/refund`, { amount: 20_000 }, key);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual(firstBody);
  });

  it("does not keep a request refused for bad parameters, so a corrected retry may reuse the key", async () => {
    const id = await sale();
    const key = randomUUID();
    expect((await post(`/v2/transactions/${id}/refund`, { amount: "lots" }, key)).status).toBe(400);
    expect((await post(`/v2/transactions/${id}/refund`, { amount: 500 }, key)).status).toBe(201);
  });

  it("makes concurrent requests with one key move money once", async () => {
    const id = await sale();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(`/v2/transactions/${id}/refund`, { amount: 2_500 }, key)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { id: string }[];
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect((await byKey(key)).length).toBe(1);
    expect(await statusOf(id)).toBe("PARTIALLY_REFUNDED");

    const payKey = randomUUID();
    const payments = await Promise.all(
      Array.from({ length: 5 }, () => post("/v2/transactions/card", payment(), payKey)),
    );
    expect(new Set(await Promise.all(payments.map(async (r) => ((await r.json()) as { id: string }).id))).size).toBe(1);
    expect((await byKey(payKey)).length).toBe(1);
  });

  it("honours the key on capture, void and void_capture too", async () => {
    const auth = await post("/v2/transactions/card", payment({ capture_now: false }));
    const authId = ((await auth.json()) as { id: string }).id;
    const captureKey = randomUUID();
    const c1 = await post(`/v2/transactions/${authId}/capture`, { amount: 3_000 }, captureKey);
    const c2 = await post(`/v2/transactions/${authId}/capture`, { amount: 3_000 }, captureKey);
    expect(await c2.json()).toEqual(await c1.json());
    const voidKey = randomUUID();
    const v1 = await post(`/v2/transactions/${authId}/void`, undefined, voidKey);
    const v2 = await post(`/v2/transactions/${authId}/void`, undefined, voidKey);
    expect([v1.status, v2.status]).toEqual([201, 201]); // without the key, the second would be "already voided"
    const voided = (await v1.json()) as { amount: number };
    expect(voided.amount).toBe(7_000);

    const saleId = await sale();
    const vcKey = randomUUID();
    const w1 = await post(`/v2/transactions/${saleId}/void_capture`, undefined, vcKey);
    const w2 = await post(`/v2/transactions/${saleId}/void_capture`, undefined, vcKey);
    expect([w1.status, w2.status]).toEqual([201, 201]);
    expect(await statusOf(saleId)).toBe("CANCELLED");
  });

  it("refuses a key that is not a UUID", async () => {
    const res = await post("/v2/transactions/card", payment(), "my-key-1");
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as EcomError).details)).toEqual([`headers.${header}`]);
  });

  it("is forgotten by a reset", async () => {
    const key = randomUUID();
    const first = (await (await post("/v2/transactions/card", payment(), key)).json()) as { id: string };
    await h.control("/reset", { body: {} });
    const again = (await (await post("/v2/transactions/card", payment(), key)).json()) as { id: string };
    expect(again.id).not.toBe(first.id);
  });
});
