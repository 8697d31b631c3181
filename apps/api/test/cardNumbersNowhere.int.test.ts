import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/router/index.ts";
import { type Client, type Stack, startStack } from "./harness.ts";

// Card numbers as staff might paste them: plain, grouped by spaces, grouped by dashes, and as a JSON number.
const pan = "4111111111111111";
const spaced = "5555 5555 5555 4444";
const dashed = "3782-822463-10005";
const asNumber = 4012888888881881;

/** Every field any procedure takes, each holding a card number. */
const everywhere = {
  id: pan,
  reuseToken: pan,
  email: `${pan}@example.test`,
  password: pan,
  current: pan,
  next: spaced,
  name: `card ${spaced}`,
  role: pan,
  reason: `customer read ${spaced} out`,
  amount: asNumber,
  idempotencyKey: pan,
  actor: pan,
  action: dashed,
  target: pan,
  outcome: pan,
  from: pan,
  to: dashed,
  limit: asNumber,
  skip: asNumber,
  code: pan,
  totp: pan,
  recoveryCode: pan,
  page: pan,
  query: `card=${pan}`,
  changes: { card_holder_name: spaced, card_holder_email: `${pan}@example.test`, token_expiry_date: pan },
  filters: [
    { field: "merchant_reference", op: "eq", value: pan },
    { field: "authentication.order_id", op: "like", value: spaced },
    { field: pan, op: "eq", value: asNumber },
  ],
  sort: [{ field: pan }],
  securityCode: "123",
  track2: `;${pan}=2512101?`,
};

let stack: Stack;
let admin: Client;
beforeAll(async () => {
  stack = await startStack({ authentications: 300 });
  admin = await stack.signIn("admin@demo.test");
});
afterAll(() => stack?.close());

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);

describe("card numbers reach no log line, audit row or error text", () => {
  it("knows the procedures it exercises", () => {
    expect(procedures.length).toBeGreaterThan(15);
  });

  it("for every procedure called with a card number in every field", async () => {
    for (const [path, procedure] of procedures) {
      if (path === "auth.logout") continue; // would end the admin's session; called last below
      const call = procedure._def.type === "mutation" ? admin.mutate.bind(admin) : admin.query.bind(admin);
      await call(path, everywhere);
      // Valid around the card number, so the call gets past validation as far as it can.
      await call(path, { id: pan });
      await call(path, { reuseToken: `VF${pan}`, reason: `customer read ${pan}` });
      await call(path, { filters: [{ field: "merchant_reference", op: "eq", value: pan }] });
    }
    await stack.anonymous().mutate("auth.login", { email: `${pan}@example.test`, password: pan });
    await admin.mutate("users.create", {
      email: `x${pan}@example.test`,
      name: `Card ${spaced}`,
      role: "support",
      password: `pw-${pan}`,
    });
    await admin.mutate("auth.logout", everywhere);
    expect(stack.witness.errorBodies.length).toBeGreaterThan(procedures.length);
    expect(await stack.witness.leaks(stack.api.db)).toEqual([]);
  });

  it("in a money move whose reason carries one", async () => {
    const support = await stack.signIn("support@demo.test");
    const sales = await support.query<{ items: { id: string; actions: { refundable: number } }[] }>(
      "transactions.list",
      { filters: [{ field: "transaction_status", op: "eq", value: "SETTLED" }], limit: 100 },
    );
    const sale = sales.body.result?.data.items.find((s) => s.actions.refundable > 100);
    expect(sale).toBeDefined();
    const answer = await support.mutate("transactions.refund", {
      id: sale?.id,
      amount: 100,
      reason: `customer read ${spaced}`,
      idempotencyKey: randomUUID(),
    });
    expect(answer.status).toBe(200);
    expect(await stack.witness.leaks(stack.api.db)).toEqual([]);
  });

  it("in a URL path, an export filter or a query", async () => {
    const cookie = { headers: { cookie: admin.cookie ?? "" } };
    const notFound = await fetch(`${stack.api.url}/trpc/${pan}`, cookie);
    stack.witness.noteAnswer(notFound.status, await notFound.text());
    const csv = await fetch(`${stack.api.url}/export/audit.csv?target=${pan}&from=${pan}`, cookie);
    stack.witness.noteAnswer(csv.status, await csv.text());
    const input = encodeURIComponent(JSON.stringify({ filters: [{ field: pan, op: "eq", value: pan }] }));
    const auths = await fetch(`${stack.api.url}/export/authentications.csv?input=${input}`, cookie);
    stack.witness.noteAnswer(auths.status, await auths.text());
    expect(stack.witness.errorBodies.at(-1)).toBeDefined();
    expect(await stack.witness.leaks(stack.api.db)).toEqual([]);
  });
});

describe("ids are checked against Verifone's shapes before any call", () => {
  it("refuses a card number as a transaction, authentication or token id, naming the field", async () => {
    const support = await stack.signIn("support@demo.test");
    for (const [path, input, field] of [
      ["transactions.get", { id: pan }, "id"],
      ["authentications.get", { id: pan }, "id"],
      ["tokens.get", { reuseToken: pan }, "reuseToken"],
    ] as const) {
      const answer = await support.query(path, input);
      expect(answer.body.error?.data.code, path).toBe("BAD_REQUEST");
      expect(answer.body.error?.data.problems?.[0]?.path).toEqual([field]);
      expect(answer.body.error?.data.upstream).toBeUndefined();
    }
  });
});
