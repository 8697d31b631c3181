import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Stack, sandboxAuth, startStack } from "./harness.ts";

type Match = { kind: string; id: string; matched: string[] };
type Found = { items: Match[]; failed: { source: string; message: string }[] };
type Authentication = {
  _id: string;
  transaction_id: string;
  card?: string;
  authentication?: { ds_transaction_id?: string; order_id?: string };
};

let stack: Stack;
let support: Client;
let ops: Client;
let auth: Authentication;
let tx: { id: string; merchant_reference?: string };
let token: string;

const basic = () => `Basic ${Buffer.from(`${sandboxAuth.userId}:${sandboxAuth.apiKey}`).toString("base64")}`;
const faults = (init?: RequestInit) => fetch(`${stack.sandbox.url}/__sandbox/faults`, init);

beforeAll(async () => {
  stack = await startStack({ authentications: 200 });
  support = await stack.signIn("support@demo.test");
  ops = await stack.signIn("ops@demo.test");
  const auths = await stack.upstream<Authentication[]>("/v2/3d?_limit=200");
  const found = auths.find((a) => a.authentication?.ds_transaction_id && a.authentication.order_id);
  if (!found) throw new Error("no seeded EMV 3DS authentication");
  auth = found;
  const txs = (await support.query<{ items: { id: string; merchant_reference?: string }[] }>("transactions.list", {}))
    .body.result?.data.items;
  const withRef = txs?.find((t) => t.merchant_reference);
  if (!withRef) throw new Error("no seeded transaction with a merchant_reference");
  tx = withRef;
  for (const a of auths) {
    if (!a.card) continue;
    const res = await fetch(`${stack.sandbox.url}/oidc/api/v2/card/${a.card}`, { headers: { authorization: basic() } });
    if (res.ok) {
      token = a.card;
      break;
    }
  }
  if (!token) throw new Error("no seeded token");
});
afterAll(() => stack?.close());
afterEach(() => faults({ method: "DELETE" }));

const find = async (client: Client, q: string) => {
  const answer = await client.query<Found>("search.find", { q });
  return { answer, data: answer.body.result?.data };
};

describe("find by any reference", () => {
  it.each([
    ["authentication id", () => auth._id, "authentication", () => auth._id, "_id"],
    ["3DS transaction_id", () => auth.transaction_id, "authentication", () => auth._id, "transaction_id"],
    [
      "ds_transaction_id",
      () => auth.authentication?.ds_transaction_id ?? "",
      "authentication",
      () => auth._id,
      "authentication.ds_transaction_id",
    ],
    [
      "order_id",
      () => auth.authentication?.order_id ?? "",
      "authentication",
      () => auth._id,
      "authentication.order_id",
    ],
    ["transaction id", () => tx.id, "transaction", () => tx.id, "id"],
    ["merchant_reference", () => tx.merchant_reference ?? "", "transaction", () => tx.id, "merchant_reference"],
    ["reuse token", () => token, "token", () => token, "reuse_token"],
  ])("by %s", async (_name, value, kind, id, field) => {
    const { answer, data } = await find(support, `  ${value()} `);
    expect(answer.status).toBe(200);
    expect(data?.failed).toEqual([]);
    const match = data?.items.find((m) => m.kind === kind && m.id === id());
    expect(match?.matched).toContain(field);
  });

  it("nothing found is an empty list, not an error", async () => {
    const { data } = await find(support, "no-such-reference-anywhere");
    expect(data).toEqual({ items: [], failed: [] });
  });

  it("only searches what the role may read: operations never sees tokens", async () => {
    const { data } = await find(ops, token);
    expect(data?.items.some((m) => m.kind === "token")).toBe(false);
  });

  it("a failing source is named, the others still answer", async () => {
    await faults({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "/oidc/api/v2/transactions", times: 10, status: 503 }),
    });
    const { data } = await find(support, auth._id);
    expect(data?.items.some((m) => m.kind === "authentication" && m.id === auth._id)).toBe(true);
    expect(data?.failed.map((f) => f.source)).toEqual(["transactions"]);
  });

  it("a full card number is refused with a message and never reaches Verifone", async () => {
    // Any call to the sandbox would use up this fault; it must still be there afterwards.
    await faults({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "/oidc/*", times: 1, status: 500 }),
    });
    for (const pan of ["4111111111111111", "4111 1111 1111 1111", "5555-5555-5555-4444"]) {
      const { answer } = await find(support, pan);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.data.problems?.[0]?.message).toMatch(/looks like a full card number/);
      expect(JSON.stringify(answer.body)).not.toContain(pan);
    }
    const left = (await (await faults()).json()) as { faults: { remaining: number }[] };
    expect(left.faults.map((f) => f.remaining)).toEqual([1]);
  });

  it("needs a session", async () => {
    expect((await stack.anonymous().query("search.find", { q: auth._id })).status).toBe(401);
  });
});
