import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

type Liability = { liable: string; reason: string; eci: string };
type TxView = {
  id: string;
  transaction_type: string;
  parent_id?: string;
  liability: Liability | null;
  liabilityOf: string | null;
};

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ authentications: 5000 });
});
afterAll(() => stack?.close());
afterEach(() => fetch(`${stack.sandbox.url}/__sandbox/faults`, { method: "DELETE" }));

async function list(input: unknown): Promise<TxView[]> {
  const answer = await stack.query<{ items: TxView[] }>("transactions.list", input);
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  return answer.body.result?.data.items ?? [];
}
async function get(id: string): Promise<TxView> {
  const answer = await stack.query<TxView>("transactions.get", { id });
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  return answer.body.result?.data as TxView;
}
/** The payment at the top of a follow-on's parent_id chain, read one GET at a time. */
const read = new Map<string, Promise<TxView>>();
async function originalOf(tx: TxView): Promise<TxView> {
  let current = tx;
  while (current.parent_id) {
    const id = current.parent_id;
    if (!read.has(id)) read.set(id, get(id));
    current = await (read.get(id) as Promise<TxView>);
  }
  return current;
}

describe("captures, refunds and voids carry their original payment's liability", () => {
  it("every follow-on on a page has the verdict of the payment its parent_id chain leads to", async () => {
    const page = await list({ limit: 100 });
    const followOns = page.filter((t) => t.parent_id);
    expect(followOns.length).toBeGreaterThan(10);
    const types = new Set(followOns.map((t) => t.transaction_type));
    expect(types).toEqual(new Set(["REFUND", "CAPTURE", "VOID"]));
    const originals = await Promise.all(followOns.map(originalOf));
    for (const [i, tx] of followOns.entries()) {
      const original = originals[i] as TxView;
      expect(original.liabilityOf).toBeNull();
      expect(tx.liabilityOf).toBe(original.id);
      expect(tx.liability).toEqual(original.liability);
    }
    // Before, every follow-on read MERCHANT / NO_3DS; now only those of payments made without 3-D Secure do.
    expect(followOns.some((t) => t.liability?.liable === "ISSUER")).toBe(true);
    for (const payment of page.filter((t) => !t.parent_id)) expect(payment.liabilityOf).toBeNull();
  });

  it("a follow-on's own page carries the verdict too", async () => {
    const refund = (await list({ filters: [{ field: "transaction_type", op: "eq", value: "REFUND" }] }))[0];
    if (!refund) throw new Error("the seed has no refund");
    const detail = await get(refund.id);
    expect(detail.liabilityOf).toBe((await originalOf(refund)).id);
    expect(detail.liability).toEqual(refund.liability);
  });

  it("without its original payment a follow-on says so (no verdict), and the list still answers", async () => {
    const refunds = await list({ filters: [{ field: "transaction_type", op: "eq", value: "REFUND" }], limit: 20 });
    const refund = refunds.find((t) => t.parent_id);
    if (!refund?.parent_id) throw new Error("the seed has no refund");
    await fetch(`${stack.sandbox.url}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        method: "GET",
        path: `/oidc/api/v2/transaction/${refund.parent_id}`,
        status: 404,
        times: 10,
      }),
    });
    const again = await list({ filters: [{ field: "transaction_type", op: "eq", value: "REFUND" }], limit: 20 });
    const same = again.find((t) => t.id === refund.id);
    expect(same).toMatchObject({ liability: null, liabilityOf: refund.parent_id });
    expect(again.filter((t) => t.liability !== null).length).toBeGreaterThan(0);
  });
});

describe("the created range of transactions.list (Verifone lists at most one month)", () => {
  it("refuses a longer range before asking Verifone, naming the field on both bounds", async () => {
    const filters = [
      { field: "currency_code", op: "eq", value: "EUR" },
      { field: "created_at", op: "gte", value: "2026-09-01" },
      { field: "created_at", op: "lte", value: "2026-10-15" },
    ];
    const answer = await stack.query("transactions.list", { filters });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.data.code).toBe("BAD_REQUEST");
    const problems = answer.body.error?.data.problems ?? [];
    expect(problems.map((p) => p.path)).toEqual([
      ["filters", 1],
      ["filters", 2],
    ]);
    expect(problems[0]?.message).toMatch(/^created_at: Verifone lists at most one month .*end by 2026-09-30/);
  });

  it("takes a range of one month", async () => {
    const filters = [
      { field: "created_at", op: "gte", value: "2026-10-01" },
      { field: "created_at", op: "lte", value: "2026-10-31" },
    ];
    expect((await stack.query("transactions.list", { filters })).status).toBe(200);
  });
});
