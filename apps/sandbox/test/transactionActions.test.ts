import { beforeAll, describe, expect, it } from "vitest";
import { type EcomError, encryptCard, testNow, useSandbox } from "./harness.ts";

const h = useSandbox({ seed: 13, authentications: 800, tokens: 80, transactions: 700 });

type Listed = Record<string, unknown> & {
  id: string;
  amount: number;
  currency_code: string;
  transaction_type: string;
  transaction_status: string;
  status: string;
  parent_id?: string;
  payment_summary?: { captured_amount: number };
};
type Ecom = Record<string, unknown> & { id: string; amount: number; status: string };

const exponents: Record<string, number> = { JPY: 0, ISK: 0, KRW: 0, BHD: 3, KWD: 3, JOD: 3 };
const minor = (decimal: number, currency: string) => Math.round(decimal * 10 ** (exponents[currency] ?? 2));
const ppc = "d1f0f6ab-1d40-44ae-b16b-8f09fe6fd77f";

let all: Listed[] = [];
beforeAll(async () => {
  all = await h.ecomAll<Listed>();
});

async function pay(body: Record<string, unknown> = {}): Promise<Ecom> {
  const res = await h.ecom("POST", "/v2/transactions/card", {
    payment_provider_contract: ppc,
    amount: 10_000,
    currency_code: "EUR",
    encrypted_card: encryptCard("4111111111111111"),
    public_key_alias: "key-1",
    merchant_reference: "order-42",
    ...body,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Ecom;
}
const preAuth = (amount = 10_000) => pay({ amount, capture_now: false, auth_type: "PRE_AUTH" });

async function act(id: string, action: string, body?: unknown) {
  return h.ecom("POST", `/v2/transactions/${id}/${action}`, body);
}
async function ok(id: string, action: string, body?: unknown): Promise<Ecom> {
  const res = await act(id, action, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Ecom;
}
async function refused(id: string, action: string, body: unknown, at: string) {
  const res = await act(id, action, body);
  expect(res.status).toBe(400);
  const error = (await res.json()) as EcomError;
  expect(Object.keys(error.details)).toEqual([at]);
  return error.details[at] as { message: string } & Record<string, unknown>;
}
const get = (id: string) => h.ecomJson<Record<string, unknown> & Listed>(`/v2/transaction/${id}`);
const seeded = (type: string, status: string) =>
  all.find(
    (r) => r.transaction_type === type && r.transaction_status === status && r.currency_code === "EUR",
  ) as Listed;

describe("refund", () => {
  it("refunds in parts up to the remainder and not one cent more", async () => {
    const sale = seeded("SALE", "SETTLED");
    const amount = minor(sale.amount, "EUR");
    const first = Math.floor(amount / 3);
    const refund = await ok(sale.id, "refund", { amount: first, reason: "damaged" });
    expect(refund).toMatchObject({ amount: first, status: "REFUNDED", shopper_interaction: "ECOMMERCE" });
    expect(await get(refund.id)).toMatchObject({
      parent_id: sale.id,
      transaction_type: "REFUND",
      description: "damaged",
    });
    expect(await get(sale.id)).toMatchObject({ transaction_status: "PARTIALLY_REFUNDED" });

    const left = amount - first;
    const tooMuch = await refused(sale.id, "refund", { amount: left + 1 }, "body.amount");
    expect(tooMuch).toMatchObject({ refundable: left, currency_code: "EUR" });
    expect(tooMuch.message).toBe(`at most ${(left / 100).toFixed(2)} EUR (${left}) can still be refunded`);

    await ok(sale.id, "refund", { amount: left });
    expect(await get(sale.id)).toMatchObject({ transaction_status: "REFUNDED", status: "REFUNDED" });
    const done = await refused(sale.id, "refund", { amount: 1 }, "params.id");
    expect(done).toMatchObject({ message: "the SALE is already fully refunded", refundable: 0 });
  });

  it("refunds a capture, not the authorisation it came from", async () => {
    const auth = await preAuth(5_000);
    const capture = await ok(auth.id, "capture", { amount: 5_000 });
    const refusal = await refused(auth.id, "refund", { amount: 100 }, "params.id");
    expect(refusal.captures).toEqual([capture.id]);
    await ok(capture.id, "refund", { amount: 5_000 });
    expect(await get(capture.id)).toMatchObject({ transaction_status: "REFUNDED" });
  });

  it("refuses refunds of refunds, voids, verifications and declined payments", async () => {
    const refund = all.find((r) => r.transaction_type === "REFUND") as Listed;
    expect((await refused(refund.id, "refund", { amount: 1 }, "params.id")).message).toBe(
      "a REFUND cannot be refunded",
    );
    const declined = all.find((r) => r.transaction_status === "DECLINED") as Listed;
    expect((await refused(declined.id, "refund", { amount: 1 }, "params.id")).message).toMatch(/declined/);
    const verification = await pay({ amount: 0 });
    expect((await refused(verification.id, "refund", { amount: 1 }, "params.id")).message).toMatch(/CARD_VERIFICATION/);
  });

  it.each([
    ["no amount", {}],
    ["amount 0", { amount: 0 }],
    ["a decimal amount", { amount: 12.5 }],
    ["amount as a string", { amount: "100" }],
  ])("refuses %s (amounts are integers in minor units)", async (_name, body) => {
    const sale = seeded("SALE", "SETTLED");
    await refused(sale.id, "refund", body, "body.amount");
  });

  it("answers 404 for an unknown transaction", async () => {
    const res = await act("00000000-0000-4000-8000-000000000000", "refund", { amount: 1 });
    expect(res.status).toBe(404);
    expect(Object.keys(((await res.json()) as EcomError).details)).toEqual(["params.id"]);
  });
});

describe("pre-authorisation and capture", () => {
  it("captures in parts, never above the authorised remainder", async () => {
    const auth = await preAuth(10_000);
    expect(auth.status).toBe("AUTHORIZED");
    expect(await get(auth.id)).toMatchObject({ transaction_type: "PREAUTH", transaction_status: "AUTHORISED" });

    const part = await ok(auth.id, "capture", { amount: 4_000 });
    expect(part).toMatchObject({ amount: 4_000, status: "SETTLEMENT_REQUESTED", details: { auto_capture: true } });
    expect(await get(part.id)).toMatchObject({ parent_id: auth.id, transaction_type: "CAPTURE" });
    expect(await get(auth.id)).toMatchObject({
      status: "SETTLEMENT_PARTIAL",
      transaction_status: "AUTHORISED",
      payment_summary: { captured_amount: "40.00" },
    });

    const above = await refused(auth.id, "capture", { amount: 6_001 }, "body.amount");
    expect(above).toMatchObject({ capturable: 6_000, message: "at most 60.00 EUR (6000) can still be captured" });
    await ok(auth.id, "capture", { amount: 6_000 });
    expect(await get(auth.id)).toMatchObject({
      transaction_status: "COMPLETED",
      payment_summary: { captured_amount: "100.00" },
    });
    expect((await refused(auth.id, "capture", { amount: 1 }, "params.id")).message).toBe(
      "the authorisation is already fully captured",
    );
  });

  it("closes the authorisation after a final capture", async () => {
    const auth = await pay({ capture_now: false, amount: 3_000 });
    expect(await get(auth.id)).toMatchObject({ transaction_type: "AUTHORISATION" });
    await ok(auth.id, "capture", { amount: 1_000, multiple_captures: { final_capture: true } });
    expect(await get(auth.id)).toMatchObject({ transaction_status: "COMPLETED" });
    expect((await refused(auth.id, "capture", { amount: 1 }, "params.id")).message).toBe(
      "the authorisation was closed by a final capture",
    );
  });

  it("refuses to capture a sale, a capture or a declined authorisation", async () => {
    const sale = await pay();
    expect((await refused(sale.id, "capture", { amount: 1 }, "params.id")).message).toMatch(/only an authorisation/);
    const declined = await pay({ capture_now: false, encrypted_card: encryptCard("4000000000000002") });
    expect(declined.status).toBe("DECLINED");
    expect((await refused(declined.id, "capture", { amount: 1 }, "params.id")).message).toMatch(/declined/);
  });

  it("requires an amount (the spec marks it required)", async () => {
    const auth = await preAuth();
    await refused(auth.id, "capture", {}, "body.amount");
    await refused(auth.id, "capture", { amount: 10, multiple_captures: {} }, "body.multiple_captures.final_capture");
  });

  it("lets a seeded open authorisation be captured", async () => {
    const open = all.find(
      (r) => r.transaction_status === "AUTHORISED" && !r.payment_summary?.captured_amount,
    ) as Listed;
    const amount = minor(open.amount, open.currency_code);
    await refused(open.id, "capture", { amount: amount + 1 }, "body.amount");
    await ok(open.id, "capture", { amount });
  });
});

describe("void", () => {
  it("voids an open authorisation in full; nothing can follow", async () => {
    const auth = await preAuth(2_500);
    const voided = await ok(auth.id, "void");
    expect(voided).toMatchObject({ amount: 2_500, status: "AUTHORIZATION_VOIDED" });
    expect(await get(voided.id)).toMatchObject({ parent_id: auth.id, transaction_type: "VOID" });
    expect(await get(auth.id)).toMatchObject({ status: "AUTHORIZATION_VOIDED", transaction_status: "CANCELLED" });
    expect((await refused(auth.id, "void", undefined, "params.id")).message).toBe(
      "the authorisation is already voided",
    );
    expect((await refused(auth.id, "capture", { amount: 1 }, "params.id")).message).toBe(
      "the authorisation was voided",
    );
  });

  it("voids the uncaptured rest after a partial capture", async () => {
    const auth = await preAuth(10_000);
    await ok(auth.id, "capture", { amount: 2_500 });
    const voided = await ok(auth.id, "void");
    expect(voided.amount).toBe(7_500);
    expect(await get(auth.id)).toMatchObject({
      transaction_status: "COMPLETED",
      payment_summary: { captured_amount: "25.00" },
    });
  });

  it("applies to an authorisation only", async () => {
    const sale = await pay();
    expect((await refused(sale.id, "void", undefined, "params.id")).message).toMatch(/use void_capture/);
    const settled = seeded("SALE", "SETTLED");
    expect((await refused(settled.id, "void", undefined, "params.id")).message).toMatch(/not an authorisation/);
  });
});

describe("void_capture", () => {
  it("cancels an unsettled sale in full", async () => {
    const sale = await pay({ amount: 1_999 });
    const voided = await ok(sale.id, "void_capture");
    expect(voided).toMatchObject({ amount: 1_999, status: "VOIDED" });
    expect(await get(sale.id)).toMatchObject({ status: "VOIDED", transaction_status: "CANCELLED" });
    expect((await refused(sale.id, "refund", { amount: 1 }, "params.id")).message).toBe(
      "the SALE was voided and cannot be refunded",
    );
    expect((await refused(sale.id, "void_capture", undefined, "params.id")).message).toBe("the SALE is already voided");
  });

  it("gives a voided capture's amount back to its authorisation", async () => {
    const auth = await preAuth(10_000);
    const capture = await ok(auth.id, "capture", { amount: 10_000 });
    expect(await get(auth.id)).toMatchObject({ transaction_status: "COMPLETED" });
    await ok(capture.id, "void_capture");
    expect(await get(auth.id)).toMatchObject({
      transaction_status: "AUTHORISED",
      payment_summary: { captured_amount: "0.00" },
    });
    await ok(auth.id, "capture", { amount: 10_000 });
  });

  it("refuses a settled sale or capture: seeded ones older than a day have settled", async () => {
    for (const type of ["SALE", "CAPTURE"]) {
      const settled = seeded(type, "SETTLED");
      const refusal = await refused(settled.id, "void_capture", undefined, "params.id");
      expect(refusal.message).toMatch(new RegExp(`^the ${type} has settled \\(at .+\\): refund it instead$`));
      expect(refusal.settled_at).toBeTypeOf("string");
    }
  });

  it("refuses a partly refunded sale, and an authorisation", async () => {
    const sale = await pay();
    await ok(sale.id, "refund", { amount: 1 });
    expect((await refused(sale.id, "void_capture", undefined, "params.id")).message).toMatch(/partly refunded/);
    const auth = await preAuth();
    expect((await refused(auth.id, "void_capture", undefined, "params.id")).message).toMatch(/void an authorisation/);
  });
});

describe("seeded ledgers", () => {
  it("are consistent: refunds and captures add up, statuses follow", () => {
    const childrenOf = (id: string) => all.filter((r) => r.parent_id === id);
    let checked = 0;
    for (const t of all.filter((r) => !r.parent_id && r.transaction_status !== "DECLINED")) {
      const kids = childrenOf(t.id);
      const sum = (type: string, rows = kids) =>
        rows.filter((k) => k.transaction_type === type).reduce((s, k) => s + minor(k.amount, k.currency_code), 0);
      const amount = minor(t.amount, t.currency_code);
      if (t.transaction_type === "SALE") {
        const refunded = sum("REFUND");
        expect(refunded).toBeLessThanOrEqual(amount);
        if (refunded === amount) expect(t.transaction_status).toBe("REFUNDED");
        else if (refunded > 0) expect(t.transaction_status).toBe("PARTIALLY_REFUNDED");
        checked++;
      }
      if (t.transaction_type === "PREAUTH" || t.transaction_type === "AUTHORISATION") {
        const live = kids.filter((k) => k.transaction_type === "CAPTURE" && k.transaction_status !== "CANCELLED");
        const captured = sum("CAPTURE", live);
        expect(captured).toBeLessThanOrEqual(amount);
        expect(minor(t.payment_summary?.captured_amount ?? -1, t.currency_code)).toBe(captured);
        for (const c of live)
          expect(sum("REFUND", childrenOf(c.id))).toBeLessThanOrEqual(minor(c.amount, c.currency_code));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("have settled a day after they were made: only the last day's sales and captures still wait for settlement", () => {
    const captured = all.filter(
      (r) => ["SALE", "CAPTURE"].includes(r.transaction_type) && r.transaction_status !== "DECLINED",
    );
    expect(captured.length).toBeGreaterThan(100);
    // The sandbox's clock started at testNow a few seconds ago: a minute of slack is plenty.
    const dayBeforeNow = Date.parse(testNow) - 86_400_000;
    const waiting = captured.filter((r) => r.transaction_status === "SETTLEMENT_REQUESTED");
    for (const r of waiting) expect(Date.parse(String(r.created_at))).toBeGreaterThan(dayBeforeNow - 60_000);
    const older = captured.filter((r) => Date.parse(String(r.created_at)) < dayBeforeNow - 60_000);
    expect(older.length).toBeGreaterThan(100);
    expect(older.filter((r) => r.transaction_status === "SETTLEMENT_REQUESTED")).toEqual([]);
    expect(captured.some((r) => r.transaction_status === "SETTLED")).toBe(true);
  });
});
