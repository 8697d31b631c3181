import { describe, expect, it } from "vitest";
import { seedEcommerce } from "../src/index.ts";
import { type EcomError, encryptCard, testNow, useSandbox } from "./harness.ts";

const sizes = { authentications: 200, tokens: 60, transactions: 150 };
const h = useSandbox({ seed: 5, ...sizes });
const seeded = seedEcommerce(5, sizes, testNow);

const scope = "0e48425a-f1bc-431a-b7d8-f866de8ba276";
const otherScope = "6f7d2b7e-2a4c-4c8e-9d61-1f0a8c3b5e21";
let panCounter = 0;

/** A fresh Luhn-valid Visa number per call, so tests do not share cards. */
function freshPan(): string {
  const body = `4539${String(100000000 + panCounter++).padStart(11, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

type CardResponse = Record<string, unknown> & { reuse_token: string; token_status: string; last_four: string };

async function createToken(pan = freshPan(), tokenScope = scope, extra: Record<string, unknown> = {}) {
  const res = await h.ecom("PUT", "/v2/card", {
    token_scope: tokenScope,
    encrypted_card: encryptCard(pan, { cardholderName: "MR J HOLDER" }),
    public_key_alias: "alias-1",
    ...extra,
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  expect(text).not.toContain(pan);
  return JSON.parse(text) as CardResponse;
}

async function expectError(res: Response, status: number, at: string): Promise<EcomError> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as EcomError;
  expect(body.code).toBe(status);
  expect(Object.keys(body.details)).toContain(at);
  return body;
}

const getToken = (id: string) => h.ecomJson<Record<string, unknown>>(`/v2/card/${id}`);

describe("PUT /api/v2/card", () => {
  it("creates a token from base64 card JSON, answering masked card data only", async () => {
    const pan = freshPan();
    const token = await createToken(pan);
    expect(token.reuse_token).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(token).toMatchObject({
      bin: pan.slice(0, 6),
      last_four: pan.slice(-4),
      expiry_month: 12,
      expiry_year: 2031,
      card_holder_name: "MR J HOLDER",
      token_scope: scope,
      token_status: "ACTIVE",
      reuse_token_type: "INTERNAL",
      bin_details: { brand: "VISA", bin: pan.slice(0, 6), last_four: pan.slice(-4) },
    });
    expect(await getToken(token.reuse_token)).toMatchObject({ reuse_token: token.reuse_token, brand: "VISA" });
  });

  it("updates the existing token of the same card in the same scope, and creates another in another scope", async () => {
    const pan = freshPan();
    const first = await createToken(pan);
    const again = await createToken(pan, scope, { token_expiry_date: "2030-01-31" });
    expect(again.reuse_token).toBe(first.reuse_token);
    expect(again.token_expiry_date).toBe("2030-01-31");
    const elsewhere = await createToken(pan, otherScope);
    expect(elsewhere.reuse_token).not.toBe(first.reuse_token);
  });

  it("creates a new token for a card whose token was deleted", async () => {
    const pan = freshPan();
    const first = await createToken(pan);
    expect((await h.ecom("DELETE", `/v2/card/${first.reuse_token}`)).status).toBe(204);
    const second = await createToken(pan);
    expect(second.reuse_token).not.toBe(first.reuse_token);
    expect(second.token_status).toBe("ACTIVE");
  });

  it("answers an analytics token only, storing nothing, for token_type ANALYTICS", async () => {
    const token = await createToken(freshPan(), scope, { token_type: "ANALYTICS" });
    expect(token.analytics_token).toMatch(/^[0-9a-f]{32}$/);
    expect(token.reuse_token).toBeUndefined();
  });

  it("refuses a bad body, naming every problem and echoing no card data", async () => {
    const pan = "4111111111111111";
    const res = await h.ecom("PUT", "/v2/card", {
      token_scope: "not-a-uuid",
      encrypted_card: Buffer.from(`{"cardNumber":"${pan}"`).toString("base64"),
      token_type: "EVERYTHING",
      colour: "red",
    });
    const body = await expectError(res, 400, "body.token_scope");
    expect(Object.keys(body.details).sort()).toEqual(
      ["body.colour", "body.encrypted_card", "body.public_key_alias", "body.token_scope", "body.token_type"].sort(),
    );
    expect(body.message).toMatch(/^At least one parameter is invalid/);
    expect(JSON.stringify(body)).not.toContain(pan);
  });

  it.each([
    ["a number that fails Luhn", encryptCard("4111111111111112")],
    ["not base64 JSON", "U3dhZ2dlciByb2Nrcw=="],
    [
      "a card captured more than 15 minutes ago",
      encryptCard("4111111111111111", { captureTime: "2020-01-01T00:00:00Z" }),
    ],
  ])("refuses encrypted_card with %s", async (_name, encrypted_card) => {
    const res = await h.ecom("PUT", "/v2/card", { token_scope: scope, encrypted_card, public_key_alias: "a" });
    await expectError(res, 400, "body.encrypted_card");
  });
});

describe("GET /api/v2/card/{id}", () => {
  it("serves every seeded token as seedEcommerce says", async () => {
    expect(seeded.tokens).toHaveLength(60);
    for (const token of seeded.tokens.slice(0, 20)) expect(await getToken(String(token.reuse_token))).toEqual(token);
  });

  it.each([
    ["13 characters", "A".repeat(13)],
    ["256 characters", "A".repeat(256)],
  ])("refuses an id of %s with 400 on params.id", async (_name, id) => {
    const body = await expectError(await h.ecom("GET", `/v2/card/${id}`), 400, "params.id");
    expect(body.details["params.id"]?.message).toMatch(/14 to 255/);
  });

  it("answers 404 for an unknown id of a valid length (14 and 255 characters)", async () => {
    await expectError(await h.ecom("GET", `/v2/card/${"Z".repeat(14)}`), 404, "params.id");
    await expectError(await h.ecom("GET", `/v2/card/${"Z".repeat(255)}`), 404, "params.id");
  });
});

describe("token states: ACTIVE ⇄ SUSPENDED, DELETED is final", () => {
  it("suspends and re-activates, refusing a repeat with the current state", async () => {
    const { reuse_token: id } = await createToken();
    expect((await h.ecom("PATCH", `/v2/card/${id}/suspend`)).status).toBe(204);
    expect(await getToken(id)).toMatchObject({ token_status: "SUSPENDED" });
    const again = await expectError(await h.ecom("PATCH", `/v2/card/${id}/suspend`), 400, "params.id");
    expect(again.details["params.id"]).toMatchObject({
      token_status: "SUSPENDED",
      message: "the token is already SUSPENDED",
    });

    expect((await h.ecom("PATCH", `/v2/card/${id}/activate`)).status).toBe(204);
    expect(await getToken(id)).toMatchObject({ token_status: "ACTIVE" });
    const twice = await expectError(await h.ecom("PATCH", `/v2/card/${id}/activate`), 400, "params.id");
    expect(twice.details["params.id"]).toMatchObject({
      token_status: "ACTIVE",
      message: "the token is already ACTIVE",
    });
  });

  it("deletes for good: GET shows DELETED, and every further action says so", async () => {
    const { reuse_token: id } = await createToken();
    expect((await h.ecom("PATCH", `/v2/card/${id}/suspend`)).status).toBe(204);
    expect((await h.ecom("DELETE", `/v2/card/${id}`)).status).toBe(204);
    expect(await getToken(id)).toMatchObject({ token_status: "DELETED" });
    for (const [method, path, message] of [
      ["DELETE", "", "the token is already DELETED"],
      ["PATCH", "/activate", "the token is DELETED (deletion is final) and cannot be activated"],
      ["PATCH", "/suspend", "the token is DELETED (deletion is final) and cannot be suspended"],
    ] as const) {
      const body = await expectError(await h.ecom(method, `/v2/card/${id}${path}`), 400, "params.id");
      expect(body.details["params.id"]).toMatchObject({ token_status: "DELETED", message });
    }
    const patch = await expectError(
      await h.ecom("PATCH", `/v2/card/${id}`, { card_holder_name: "X" }),
      400,
      "params.id",
    );
    expect(patch.details["params.id"]?.token_status).toBe("DELETED");
  });

  it("lets exactly one of several concurrent deletes succeed; the others are told it is already deleted", async () => {
    const { reuse_token: id } = await createToken();
    const answers = await Promise.all(Array.from({ length: 6 }, () => h.ecom("DELETE", `/v2/card/${id}`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([204, 400, 400, 400, 400, 400]);
    for (const res of answers.filter((r) => r.status === 400)) {
      expect(((await res.json()) as EcomError).details["params.id"]?.message).toBe("the token is already DELETED");
    }
  });

  it("answers 404 for every action on an unknown token", async () => {
    const id = "UnknownToken0001";
    for (const [method, path] of [
      ["DELETE", ""],
      ["PATCH", "/suspend"],
      ["PATCH", "/activate"],
    ] as const)
      await expectError(await h.ecom(method, `/v2/card/${id}${path}`), 404, "params.id");
    await expectError(await h.ecom("PATCH", `/v2/card/${id}`, { card_holder_name: "X" }), 404, "params.id");
  });

  it("refuses a malformed id on every action", async () => {
    for (const [method, path] of [
      ["DELETE", ""],
      ["PATCH", "/suspend"],
      ["PATCH", "/activate"],
    ] as const)
      await expectError(await h.ecom(method, `/v2/card/short${path}`), 400, "params.id");
  });
});

describe("PATCH /api/v2/card/{id}", () => {
  it("updates the details given, keeps the rest, and moves updated_at", async () => {
    const token = await createToken();
    const res = await h.ecom("PATCH", `/v2/card/${token.reuse_token}`, {
      card_holder_name: "MS A N OTHER",
      card_holder_email: "a.other@example.com",
      expiry_month: 3,
      expiry_year: 2033,
      cvv: "999",
    });
    expect(res.status).toBe(200);
    const patched = (await res.json()) as Record<string, unknown>;
    expect(patched).toMatchObject({
      card_holder_name: "MS A N OTHER",
      card_holder_email: "a.other@example.com",
      expiry_month: 3,
      expiry_year: 2033,
      last_four: token.last_four,
      token_status: "ACTIVE",
    });
    expect(patched.reuse_token).toBeUndefined(); // PatchTokenResponse has no reuse_token
    expect(JSON.stringify(patched)).not.toContain("999");
    expect(await getToken(token.reuse_token)).toMatchObject({ card_holder_name: "MS A N OTHER", expiry_year: 2033 });
  });

  it("links a new PAN when encrypted_card is present", async () => {
    const token = await createToken();
    const pan = "5555555555554444";
    const res = await h.ecom("PATCH", `/v2/card/${token.reuse_token}`, {
      encrypted_card: encryptCard(pan),
      public_key_alias: "alias-1",
    });
    expect(res.status).toBe(200);
    expect(await getToken(token.reuse_token)).toMatchObject({ bin: "555555", last_four: "4444", brand: "MASTERCARD" });
  });

  it("updates a suspended token (its state stays SUSPENDED)", async () => {
    const { reuse_token: id } = await createToken();
    await h.ecom("PATCH", `/v2/card/${id}/suspend`);
    const res = await h.ecom("PATCH", `/v2/card/${id}`, { card_holder_name: "DR Z" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ card_holder_name: "DR Z", token_status: "SUSPENDED" });
  });

  it("refuses bad fields, naming each", async () => {
    const { reuse_token: id } = await createToken();
    const res = await h.ecom("PATCH", `/v2/card/${id}`, {
      expiry_month: 13,
      card_holder_email: "nobody",
      card_holder_name: "X".repeat(31),
      cardholder_name: "typo",
    });
    const body = await expectError(res, 400, "body.expiry_month");
    expect(Object.keys(body.details).sort()).toEqual(
      ["body.card_holder_email", "body.card_holder_name", "body.cardholder_name", "body.expiry_month"].sort(),
    );
  });
});

describe("seeded tokens", () => {
  it("have each state, masked card data, and dates", () => {
    expect(new Set(seeded.tokens.map((t) => t.token_status))).toEqual(new Set(["ACTIVE", "SUSPENDED", "DELETED"]));
    for (const t of seeded.tokens) {
      expect(String(t.reuse_token).length).toBeGreaterThanOrEqual(14);
      expect(t.bin).toMatch(/^\d{6}$/);
      expect(t.last_four).toMatch(/^\d{4}$/);
      expect(Date.parse(String(t.updated_at))).toBeGreaterThanOrEqual(Date.parse(String(t.created_at)));
    }
  });

  it("are referenced by seeded transactions and by 3DS records' card field", async () => {
    const ids = new Set(seeded.tokens.map((t) => String(t.reuse_token)));
    const withToken = [];
    for (const t of seeded.transactions.filter((x) => x.stored_credential).slice(0, 15)) {
      const full = await h.ecomJson<{ token_details?: { reuse_token: string } }>(`/v2/transaction/${t.id}`);
      if (full.token_details) withToken.push(full.token_details.reuse_token);
    }
    expect(withToken.length).toBeGreaterThan(5);
    for (const id of withToken) expect(ids).toContain(id);
    const cards = (await h.list("?_limit=200")).map((a) => a.card);
    expect(cards.filter((c) => c && ids.has(c)).length).toBeGreaterThan(10);
  });
});
