import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, startStack } from "./harness.ts";

let stack: Stack;
let support: Client;
beforeAll(async () => {
  stack = await startStack({ authentications: 50 });
  support = await stack.signIn("support@demo.test");
});
afterAll(() => stack?.close());

async function expectRefusedId(answer: Awaited<ReturnType<Client["query"]>>, field = "id") {
  expect(answer.status).toBe(400);
  expect(answer.body.error?.data.code).toBe("BAD_REQUEST");
  expect(answer.body.error?.data.problems?.[0]?.path).toEqual([field]);
  expect(answer.body.error?.data.upstream).toBeUndefined();
}

describe("ids cannot walk Verifone's paths", () => {
  it('refuses authentications.get {"id":"."} and {"id":".."} instead of fetching the list', async () => {
    await expectRefusedId(await support.query("authentications.get", { id: "." }));
    await expectRefusedId(await support.query("authentications.get", { id: ".." }));
  });

  it('refuses authentications.get {"id":"count"} instead of answering {count} as an authentication', async () => {
    await expectRefusedId(await support.query("authentications.get", { id: "count" }));
  });

  it('refuses transactions.get {"id":".."} and any id that is not a UUID', async () => {
    for (const id of ["..", ".", "../transactions", "%2e%2e", "count", "a/b"]) {
      await expectRefusedId(await support.query("transactions.get", { id }));
    }
  });

  it("refuses the same ids for money moves, before any call", async () => {
    const idempotencyKey = randomUUID();
    await expectRefusedId(await support.mutate("transactions.refund", { id: "..", amount: 1, idempotencyKey }));
    await expectRefusedId(await support.mutate("transactions.capture", { id: ".", idempotencyKey }));
    await expectRefusedId(await support.mutate("transactions.void", { id: "count", idempotencyKey }));
  });

  it("still finds a real authentication and transaction by id", async () => {
    const list = await support.query<{ items: { _id: string }[] }>("authentications.list", { limit: 1 });
    const id = list.body.result?.data.items[0]?._id ?? "";
    expect((await support.query("authentications.get", { id })).status).toBe(200);
    const txs = await support.query<{ items: { id: string }[] }>("transactions.list", { limit: 1 });
    const txId = txs.body.result?.data.items[0]?.id ?? "";
    expect((await support.query("transactions.get", { id: txId })).status).toBe(200);
    expect((await support.query("transactions.get", { id: txId.toUpperCase() })).status).not.toBe(400);
  });
});
