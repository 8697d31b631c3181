import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, sandboxNow, startStack } from "./harness.ts";

let stack: Stack;
let support: Client;
beforeAll(async () => {
  // Enough payments that the last four weeks hold a 1,000-row page (the list's window is at most a month).
  stack = await startStack({ authentications: 20_000, transactions: 12_000 });
  support = await stack.signIn("support@demo.test");
});
afterAll(() => stack?.close());

describe("upstream limits", () => {
  it("lists a 1,000-row page of transactions (the 3-D Secure look-up fits Verifone's 8 KB URL limit)", async () => {
    const end = Date.parse(sandboxNow);
    const filters = [
      { field: "created_at", op: "gte", value: new Date(end - 28 * 86_400_000).toISOString() },
      { field: "created_at", op: "lte", value: sandboxNow },
    ];
    const answer = await support.query<{ items: { liability: { reason: string } }[] }>("transactions.list", {
      filters,
      limit: 1000,
    });
    expect(answer.body.error?.message).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.result?.data.items).toHaveLength(1000);
  });

  it("refuses a lone surrogate in a filter value as BAD_REQUEST naming the value", async () => {
    const filters = [{ field: "merchant_reference", op: "eq", value: "order-\ud800" }];
    for (const path of ["transactions.list", "transactions.count", "authentications.list"]) {
      const input = path.startsWith("authentications")
        ? { filters: [{ field: "authentication.card_brand", op: "eq", value: "VISA\udc00" }] }
        : { filters };
      const answer = await support.query(path, input);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error?.data.problems?.[0]?.path).toEqual(["filters", 0, "value"]);
    }
    const audit = await (await stack.signIn("manager@demo.test")).query("audit.list", { target: "x\ud800" });
    expect(audit.status).toBe(400);
  });
});

describe("BAD_REQUEST messages", () => {
  it("are readable sentences naming each field, with the structured problems kept in data", async () => {
    const answer = await support.mutate("transactions.refund", {
      id: randomUUID(),
      amount: 0,
      idempotencyKey: "not-a-key",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toBe(
      "amount must be more than 0; idempotencyKey must be a UUID (one per attempt, reused on retry)",
    );
    expect(answer.body.error?.data.problems).toEqual([
      { path: ["amount"], message: "amount must be more than 0" },
      { path: ["idempotencyKey"], message: "idempotencyKey must be a UUID (one per attempt, reused on retry)" },
    ]);
  });

  it("name the field when the rule's own text does not", async () => {
    const answer = await support.query("transactions.list", { limit: "many" });
    expect(answer.body.error?.message).toMatch(/^limit: /);
    expect(answer.body.error?.message).not.toMatch(/^\[/);
  });
});
