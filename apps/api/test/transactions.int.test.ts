import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, startStack } from "./harness.ts";

type Liability = { liable: string; reason: string };
type Actions = { refundable: number; capturable: number; voidable: number };
type TxView = {
  id: string;
  transaction_type: string;
  transaction_status: string;
  currency_code: string;
  amount: number | string;
  amount_minor: number | null;
  parent_id?: string;
  merchant_reference?: string;
  threed_authentication?: { ds_transaction_id?: string };
  liability: Liability;
  actions: Actions;
  children?: TxView[];
};

let stack: Stack;
let support: Client;
beforeAll(async () => {
  stack = await startStack({ authentications: 5000 });
  support = await stack.signIn("support@demo.test");
});
afterAll(() => stack?.close());
afterEach(() => fetch(`${stack.sandbox.url}/__sandbox/faults`, { method: "DELETE" }));

async function list(client: Client, input: unknown): Promise<TxView[]> {
  const answer = await client.query<{ items: TxView[] }>("transactions.list", input);
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  return answer.body.result?.data.items ?? [];
}
async function get(id: string): Promise<TxView> {
  const answer = await support.query<TxView>("transactions.get", { id });
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  return answer.body.result?.data as TxView;
}
/** A settled sale with the full amount still refundable — a fresh one for each test. */
const used = new Set<string>();
async function refundableSale(): Promise<TxView> {
  const sales = await list(support, {
    filters: [
      { field: "transaction_type", op: "eq", value: "SALE" },
      { field: "transaction_status", op: "eq", value: "SETTLED" },
    ],
    limit: 200,
  });
  const sale = sales.find(
    (s) => !used.has(s.id) && (s.amount_minor ?? 0) >= 1000 && s.actions.refundable === s.amount_minor,
  );
  if (!sale) throw new Error("no refundable sale left in the seed");
  used.add(sale.id);
  return sale;
}
function refund(id: string, amount: number, idempotencyKey = randomUUID(), reason = "customer returned the goods") {
  return support.mutate<TxView>("transactions.refund", { id, amount, reason, idempotencyKey });
}

describe("transactions.list / count / get", () => {
  it("lists what Verifone lists, with liability and actions on every row", async () => {
    const items = await list(stack, { limit: 50 });
    expect(items).toHaveLength(50);
    for (const item of items) {
      expect(item.liability.liable).toMatch(/^(ISSUER|MERCHANT)$/);
      expect(item.actions).toMatchObject({
        refundable: expect.any(Number),
        capturable: expect.any(Number),
        voidable: expect.any(Number),
      });
    }
  });

  it("counts an undated view as the undated list pages through it: Verifone's default window, the last 7 days", async () => {
    const count = await stack.query<{ count: number; atLeast?: boolean }>("transactions.count", {});
    expect(count.status).toBe(200);
    const listed: TxView[] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = await list(stack, { limit: 1000, skip });
      listed.push(...page);
      if (page.length < 1000) break;
    }
    // The seed holds 3,000 transactions over its history; the last 7 days are a fraction of them.
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.length).toBeLessThan(3000);
    expect(count.body.result?.data).toEqual({ count: listed.length });
  });

  it("pages by records while Verifone pages by pages", async () => {
    const sort = [{ field: "created_at", desc: true }];
    const whole = await list(stack, { sort, limit: 100 });
    const second = await list(stack, { sort, limit: 50, skip: 50 });
    expect(second.map((t) => t.id)).toEqual(whole.slice(50).map((t) => t.id));
    const bad = await stack.query("transactions.list", { limit: 50, skip: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.problems?.[0]?.path).toEqual(["skip"]);
  });

  it("counts a date range by listing it (Verifone's count endpoint takes no dates), as the list shows it", async () => {
    const filters = [{ field: "created_at", op: "gte", value: "2026-11-01T00:00:00.000Z" }];
    const count = await stack.query<{ count: number; atLeast?: boolean }>("transactions.count", { filters });
    expect(count.status).toBe(200);
    const listed: TxView[] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = await list(stack, { filters, limit: 1000, skip });
      listed.push(...page);
      if (page.length < 1000) break;
    }
    expect(listed.length).toBeGreaterThan(10);
    expect(count.body.result?.data).toEqual({ count: listed.length });
  });

  it("refuses an operator the transactions API does not take, naming it", async () => {
    const bad = await stack.query("transactions.list", { filters: [{ field: "amount", op: "gte", value: 10 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.problems?.[0]?.path).toEqual(["filters", 0, "op"]);
  });

  it("the liability on a payment agrees with the one on its 3-D Secure authentication", async () => {
    const items = (await list(stack, { limit: 200 })).filter((t) => t.threed_authentication?.ds_transaction_id);
    expect(items.length).toBeGreaterThan(20);
    let compared = 0;
    for (const tx of items.slice(0, 40)) {
      const filters = [
        { field: "authentication.ds_transaction_id", op: "eq", value: tx.threed_authentication?.ds_transaction_id },
      ];
      const auths =
        (await stack.query<{ items: { liability: Liability }[] }>("authentications.list", { filters })).body.result
          ?.data.items ?? [];
      if (!auths[0]) continue;
      compared++;
      expect(tx.liability).toMatchObject({ liable: auths[0].liability.liable, reason: auths[0].liability.reason });
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("a payment without 3-D Secure is the merchant's (NO_3DS)", async () => {
    const noThreeDS = (await list(stack, { limit: 300 })).find((t) => !t.threed_authentication && !t.parent_id);
    expect(noThreeDS?.liability).toMatchObject({ liable: "MERCHANT", reason: "NO_3DS" });
  });

  it("get shows the lifecycle: a refunded sale's refunds are its children", async () => {
    const refunded = (
      await list(stack, { filters: [{ field: "transaction_status", op: "eq", value: "PARTIALLY_REFUNDED" }], limit: 5 })
    )[0];
    expect(refunded).toBeDefined();
    const detail = await get(refunded?.id ?? "");
    expect(detail.children?.length).toBeGreaterThan(0);
    expect(detail.children?.every((c) => c.parent_id === detail.id)).toBe(true);
    const refundedMinor = (detail.children ?? [])
      .filter((c) => c.transaction_type === "REFUND")
      .reduce(
        (s, c) =>
          s +
          Math.round(
            Number(c.amount) *
              10 **
                (detail.currency_code === "JPY"
                  ? 0
                  : detail.currency_code === "BHD" || detail.currency_code === "KWD"
                    ? 3
                    : 2),
          ),
        0,
      );
    expect(detail.actions.refundable).toBe((detail.amount_minor ?? 0) - refundedMinor);
  });

  it("an unknown id is NOT_FOUND", async () => {
    const answer = await stack.query("transactions.get", { id: "00000000-0000-4000-8000-000000000000" });
    expect(answer.status).toBe(404);
  });
});

describe("refunds never move money twice", () => {
  it("partial refunds up to the remainder, and not one cent more", async () => {
    const sale = await refundableSale();
    const total = sale.amount_minor ?? 0;
    const first = await refund(sale.id, 100);
    expect(first.status).toBe(200);
    expect(first.body.result?.data).toMatchObject({ transaction_type: "REFUND", parent_id: sale.id });
    expect((await get(sale.id)).actions.refundable).toBe(total - 100);

    const tooMuch = await refund(sale.id, total - 100 + 1);
    expect(tooMuch.status).toBe(412);
    expect(tooMuch.body.error?.message).toMatch(/at most .* can still be refunded/);

    const rest = await refund(sale.id, total - 100);
    expect(rest.status).toBe(200);
    expect((await get(sale.id)).actions.refundable).toBe(0);
    expect((await refund(sale.id, 1)).status).toBe(412);
  });

  it("the same idempotency key twice returns the first outcome and refunds once", async () => {
    const sale = await refundableSale();
    const key = randomUUID();
    const [a, b] = [await refund(sale.id, 250, key), await refund(sale.id, 250, key)];
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.result?.data.id).toBe(a.body.result?.data.id);
    const detail = await get(sale.id);
    expect(detail.children?.filter((c) => c.transaction_type === "REFUND")).toHaveLength(1);
    expect(detail.actions.refundable).toBe((sale.amount_minor ?? 0) - 250);
  });

  it("a double click (two requests at once, one key) refunds once", async () => {
    const sale = await refundableSale();
    const key = randomUUID();
    const answers = await Promise.all([refund(sale.id, 300, key), refund(sale.id, 300, key)]);
    // The second waits for the first's outcome and answers with it, rather than a 409 "in progress".
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]?.body.result?.data.id).toBe(answers[1]?.body.result?.data.id);
    const detail = await get(sale.id);
    expect(detail.children?.filter((c) => c.transaction_type === "REFUND")).toHaveLength(1);
  });

  it("the same key with a different request is refused with CONFLICT", async () => {
    const sale = await refundableSale();
    const key = randomUUID();
    expect((await refund(sale.id, 100, key)).status).toBe(200);
    const conflicting = await refund(sale.id, 200, key);
    expect(conflicting.status).toBe(409);
  });

  it("an upstream 504 says the outcome is unknown; the retry with the same key refunds once", async () => {
    const sale = await refundableSale();
    const key = randomUUID();
    await fetch(`${stack.sandbox.url}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        method: "POST",
        path: `/oidc/api/v2/transactions/${sale.id}/refund`,
        times: 1,
        status: 504,
      }),
    });
    const unknown = await refund(sale.id, 400, key);
    expect(unknown.status).toBe(504);
    expect(unknown.body.error?.message).toMatch(/outcome is unknown/);
    const retried = await refund(sale.id, 400, key);
    expect(retried.status).toBe(200);
    const detail = await get(sale.id);
    expect(detail.children?.filter((c) => c.transaction_type === "REFUND")).toHaveLength(1);
    expect(detail.actions.refundable).toBe((sale.amount_minor ?? 0) - 400);
  });

  it("a refund Verifone made but never confirmed: the retry with the same key gets the first outcome back", async () => {
    const sale = await refundableSale();
    const total = sale.amount_minor ?? 0;
    const key = randomUUID();
    // The sandbox makes the refund, then the answer is lost on the way back.
    await fetch(`${stack.sandbox.url}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        method: "POST",
        path: `/oidc/api/v2/transactions/${sale.id}/refund`,
        times: 1,
        mode: "lose-answer",
      }),
    });
    // The API asks Verifone what the key created and answers with it: the refund is known to have happened.
    const learnt = await refund(sale.id, total, key);
    expect(learnt.body.error?.message).toBeUndefined();
    expect(learnt.status).toBe(200);
    expect(learnt.body.result?.data.transaction_type).toBe("REFUND");
    const retried = await refund(sale.id, total, key);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.result?.data.id).toBe(learnt.body.result?.data.id);
    const detail = await get(sale.id);
    expect(detail.children?.filter((c) => c.transaction_type === "REFUND")).toHaveLength(1);
    expect(detail.actions.refundable).toBe(0);
    const manager = await stack.signIn("manager@demo.test");
    const trail = await manager.query<{ items: { outcome: string }[] }>("audit.list", {
      action: "transactions.refund",
      target: sale.id,
    });
    expect(trail.body.result?.data.items.map((e) => e.outcome)).toEqual(["success", "success"]);
  });

  it("two refunds racing on the last remainder: one wins, the other is refused with the new remainder", async () => {
    const sale = await refundableSale();
    const total = sale.amount_minor ?? 0;
    const answers = await Promise.all([refund(sale.id, total), refund(sale.id, total)]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const loser = answers.find((a) => a.status !== 200);
    expect(loser?.body.error?.message).toMatch(/refund/i);
    expect((await get(sale.id)).actions.refundable).toBe(0);
  });

  it("operations may not refund, and the refusal is audited", async () => {
    const sale = await refundableSale();
    const answer = await stack.mutate("transactions.refund", {
      id: sale.id,
      amount: 100,
      idempotencyKey: randomUUID(),
    });
    expect(answer.status).toBe(403);
    const manager = await stack.signIn("manager@demo.test");
    const audit = await manager.query<{ items: { action: string; outcome: string; target: string }[] }>("audit.list", {
      action: "transactions.refund",
      target: sale.id,
    });
    expect(audit.body.result?.data.items[0]).toMatchObject({ outcome: "refused", target: sale.id });
  });

  it("every refund attempt is audited with its outcome", async () => {
    const sale = await refundableSale();
    await refund(sale.id, 100);
    await refund(sale.id, (sale.amount_minor ?? 0) * 2);
    const manager = await stack.signIn("manager@demo.test");
    const audit = await manager.query<{ items: { outcome: string; upstreamStatus: number | null }[] }>("audit.list", {
      action: "transactions.refund",
      target: sale.id,
    });
    expect(audit.body.result?.data.items.map((e) => e.outcome)).toEqual(["refused", "success"]);
  });
});

describe("captures and voids", () => {
  async function authorisation(): Promise<TxView> {
    const auths = await list(support, {
      filters: [
        { field: "transaction_type", op: "eq", value: "AUTHORISATION" },
        { field: "transaction_status", op: "eq", value: "AUTHORISED" },
      ],
      limit: 100,
    });
    const auth = auths.find((a) => !used.has(a.id) && a.actions.capturable > 100);
    if (!auth) throw new Error("no capturable authorisation in the seed");
    used.add(auth.id);
    return auth;
  }

  it("captures part, then refuses a capture above the authorised remainder", async () => {
    const auth = await authorisation();
    const total = auth.actions.capturable;
    const part = await support.mutate<TxView>("transactions.capture", {
      id: auth.id,
      amount: 100,
      idempotencyKey: randomUUID(),
    });
    expect(part.status).toBe(200);
    expect((await get(auth.id)).actions.capturable).toBe(total - 100);
    const over = await support.mutate("transactions.capture", {
      id: auth.id,
      amount: total,
      idempotencyKey: randomUUID(),
    });
    expect(over.status).toBe(412);
    expect(over.body.error?.message).toMatch(/at most .* can still be captured/);
  });

  it("voids an authorisation, after which nothing can be captured", async () => {
    const auth = await authorisation();
    const voided = await support.mutate<TxView>("transactions.void", { id: auth.id, idempotencyKey: randomUUID() });
    expect(voided.status).toBe(200);
    const after = await get(auth.id);
    expect(after.actions.capturable).toBe(0);
    expect(after.actions.voidable).toBe(0);
  });

  it("after a partial capture, releases the rest so no money stays held — once, with the same checks", async () => {
    const auth = await authorisation();
    const total = auth.actions.capturable;
    const key = randomUUID();
    await support.mutate("transactions.capture", { id: auth.id, amount: 100, idempotencyKey: randomUUID() });
    const held = await get(auth.id);
    expect(held.actions).toMatchObject({ capturable: total - 100, voidable: total - 100, voidKind: "release" });
    const released = await support.mutate<TxView>("transactions.void", { id: auth.id, idempotencyKey: key });
    expect(released.body.error?.message).toBeUndefined();
    expect(released.status).toBe(200);
    const after = await get(auth.id);
    expect(after.actions).toMatchObject({ capturable: 0, voidable: 0 });
    expect(after.transaction_status).not.toBe("AUTHORISED");
    // The same key again answers with the first outcome; nothing is released twice.
    const again = await support.mutate<TxView>("transactions.void", { id: auth.id, idempotencyKey: key });
    expect(again.body.result?.data.id).toBe(released.body.result?.data.id);
    const refused = await support.mutate("transactions.void", { id: auth.id, idempotencyKey: randomUUID() });
    expect(refused.status).toBe(412);
  });
});
