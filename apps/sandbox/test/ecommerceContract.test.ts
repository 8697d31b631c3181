import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { seedEcommerce } from "../src/index.ts";
import { encryptCard, testNow, useSandbox } from "./harness.ts";

/**
 * Validates real sandbox responses — and the request bodies these tests send — against Verifone's own
 * ecommerce-api.json. Deliberate adjustments, each documented in README:
 * 1. `discriminator` keywords are dropped: their mappings name StoredCredentialSignUp and
 *    StoredCredentialSubsequentCharge, two schemas the spec never defines.
 * 2. Objects get `additionalProperties: false`, so a misspelt or invented field fails the test.
 * 3. GatewayTransactions / GatewayTransaction (list and get) also allow `stored_credential` (the `StoredCredential`
 *    the card payment's answer carries): the sandbox's one addition, so seeded sign-ups and charges are visible.
 * 4. Formats the spec uses but JSON Schema does not define are registered: `uuid-flexible` (a UUID, hyphens
 *    optional), `integer` / `float` / `number` (numeric strings), `country-code`; and `date` accepts a full-date or
 *    an RFC 3339 date-time (the token dates are "the last date token was updated", served with the time).
 */
const specPath = new URL("../../../packages/verifone/openapi/ecommerce-api.json", import.meta.url);
const spec = JSON.parse(readFileSync(specPath, "utf8")) as { components: { schemas: Record<string, unknown> } };

function adjust(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adjust);
  if (typeof node !== "object" || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== "discriminator")
      .map(([k, v]) => [k, adjust(v)]),
  );
  if (copy.type === "object" && copy.properties && copy.additionalProperties === undefined)
    copy.additionalProperties = false;
  return copy;
}

const schemas = adjust(spec.components.schemas) as Record<string, { properties: Record<string, unknown> }>;
for (const name of ["GatewayTransactions", "GatewayTransaction"])
  (schemas[name] as { properties: Record<string, unknown> }).properties.stored_credential = {
    $ref: "#/components/schemas/StoredCredential",
  };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("date", {
  type: "string",
  validate: (v: string) =>
    (/^\d{4}-\d{2}-\d{2}$/.test(v) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) &&
    !Number.isNaN(Date.parse(v)),
});
ajv.addFormat("uuid-flexible", /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i);
ajv.addFormat("integer", /^-?\d+$/);
ajv.addFormat("float", /^-?\d+(\.\d+)?$/);
ajv.addFormat("number", /^-?\d+(\.\d+)?$/);
ajv.addFormat("country-code", /^[A-Z]{2,3}$/);
ajv.addSchema({ $id: "ecom", components: { schemas } });

const schema = (name: string): ValidateFunction => {
  const validate = ajv.getSchema(`ecom#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
};

function expectValid(name: string, data: unknown) {
  const validate = schema(name);
  const ok = validate(data);
  expect(ok, `${name}: ${ajv.errorsText(validate.errors, { separator: "\n" })}`).toBe(true);
}

const listSchema = { type: "array", items: { $ref: "ecom#/components/schemas/GatewayTransactions" } };

const sizes = { authentications: 3000, tokens: 300, transactions: 3000 };
const h = useSandbox({ seed: 11, ...sizes });
const seeded = seedEcommerce(11, sizes, testNow);
const scope = "0e48425a-f1bc-431a-b7d8-f866de8ba276";
const ppc = "d1f0f6ab-1d40-44ae-b16b-8f09fe6fd77f";
type Row = { id: string; transaction_type: string; transaction_status: string };

/** Sends a request whose body must itself be valid against the spec's request schema. */
async function call(method: string, path: string, requestSchema: string | null, body?: unknown) {
  if (requestSchema) expectValid(requestSchema, body);
  return h.ecom(method, path, body);
}
async function answer(method: string, path: string, status: number, requestSchema: string | null, body?: unknown) {
  const res = await call(method, path, requestSchema, body);
  expect(res.status, await res.clone().text()).toBe(status);
  return res.status === 204 ? null : ((await res.json()) as Record<string, unknown> & { id: string });
}

const cardPayment = (body: Record<string, unknown> = {}) => ({
  payment_provider_contract: ppc,
  amount: 1999,
  currency_code: "EUR",
  encrypted_card: encryptCard("4111111111111111"),
  public_key_alias: "key-1",
  merchant_reference: "contract-1",
  ...body,
});

describe("contract: eCommerce responses validate against ecommerce-api.json", () => {
  let all: Row[] = [];
  beforeAll(async () => {
    all = await h.ecomAll<Row>();
  });

  it("the adjusted spec still refuses invented fields and garbage dates", () => {
    expect(schema("GatewayTransaction")({ id: "x", colour: "red" })).toBe(false);
    expect(ajv.validate({ type: "string", format: "date" }, "16/10/2021")).toBe(false);
    expect(schema("TokenResponse")({ token_status: "EXPIRED" })).toBe(false);
    // The transaction's 3DS block has no signature_verification; the list spells shopper_interaction in lower case.
    expect(schema("GatewayTransactions")({ threed_authentication: { signature_verification: "Y" } })).toBe(false);
    expect(schema("GatewayTransactions")({ shopper_interaction: "ECOMMERCE" })).toBe(false);
    expect(schema("EcomResponse")({ shopper_interaction: "ecommerce" })).toBe(false);
    expect(schema("GatewayTransactions")({ amount: "12.50" })).toBe(false);
    expect(schema("GatewayTransaction")({ amount: 12.5 })).toBe(false);
  });

  it("GET /api/v2/transactions: every seeded transaction is a GatewayTransactions", () => {
    expect(all).toHaveLength(3000);
    const ok = ajv.validate(listSchema, all);
    expect(ok, ajv.errorsText(ajv.errors, { separator: "\n" })).toBe(true);
  });

  it("GET /api/v2/transactions/count", async () => {
    expectValid("CountTransactionResponse", await h.ecomJson("/v2/transactions/count?currency_code=EUR"));
  });

  it("GET /api/v2/transaction/{id} for every kind and state", async () => {
    const kinds = new Map<string, string>();
    for (const r of all) kinds.set(`${r.transaction_type}/${r.transaction_status}`, r.id);
    expect(kinds.size).toBeGreaterThan(15);
    for (const id of kinds.values()) expectValid("GatewayTransaction", await h.ecomJson(`/v2/transaction/${id}`));
  });

  it("POST /api/v2/transactions/card: sale, authorisation, pre-auth, verification, 3DS, decline, sign-up", async () => {
    const threed_authentication = {
      eci_flag: "05",
      enrolled: "Y",
      cavv: "AAIBBYNoEwAAACcKhAJkdQAAAAA=",
      pares_status: "Y",
      threeds_version: "2.2.0",
      ds_transaction_id: "4eaa10ef-e5e4-4b4c-8aef-29439e450b60",
      signature_verification: "Y",
    };
    for (const body of [
      cardPayment(),
      cardPayment({ capture_now: false }),
      cardPayment({ capture_now: false, auth_type: "PRE_AUTH", currency_code: "JPY", amount: 1200 }),
      cardPayment({ amount: 0 }),
      cardPayment({ threed_authentication, customer_details: { first_name: "Ada", email_address: "ada@example.com" } }),
      cardPayment({ encrypted_card: encryptCard("4000000000009995") }),
      cardPayment({
        stored_credential: { stored_credential_type: "SIGNUP", processing_model_details: { processing_model: "NONE" } },
        token_preference: { token_scope: scope },
      }),
    ]) {
      const paid = await answer("POST", "/v2/transactions/card", 201, "EncryptedCardPaymentRequest", body);
      expectValid("EcomResponseCard", paid);
      expectValid("GatewayTransaction", await h.ecomJson(`/v2/transaction/${paid?.id}`));
    }
  });

  it("POST /api/v2/transactions/card with a reuse token (a stored-credential charge)", async () => {
    const token = seeded.tokens.find((t) => t.token_status === "ACTIVE" && t.reuse_token) as { reuse_token: string };
    const body = {
      payment_provider_contract: ppc,
      amount: 500,
      currency_code: "GBP",
      reuse_token: token.reuse_token,
      stored_credential: {
        stored_credential_type: "CHARGE",
        processing_model_details: { processing_model: "UNSCHEDULED_CREDENTIAL_ON_FILE" },
      },
    };
    const paid = await answer("POST", "/v2/transactions/card", 201, "TokenPaymentRequest", body);
    expectValid("EcomResponseCard", paid);
  });

  it("refund, capture, void and void_capture answer EcomResponse", async () => {
    const sale = await answer("POST", "/v2/transactions/card", 201, null, cardPayment({ amount: 5000 }));
    const auth = await answer("POST", "/v2/transactions/card", 201, null, cardPayment({ capture_now: false }));
    const auth2 = await answer("POST", "/v2/transactions/card", 201, null, cardPayment({ capture_now: false }));
    const refundBody = { amount: 1000, reason: "returned" };
    expectValid(
      "EcomResponse",
      await answer("POST", `/v2/transactions/${sale?.id}/refund`, 201, "RefundCardTransactionDto", refundBody),
    );
    const captureBody = { amount: 999, multiple_captures: { final_capture: false } };
    const captured = await answer(
      "POST",
      `/v2/transactions/${auth?.id}/capture`,
      201,
      "CaptureCardTransactionDto",
      captureBody,
    );
    expectValid("EcomResponse", captured);
    expectValid("EcomResponse", await answer("POST", `/v2/transactions/${captured?.id}/void_capture`, 201, null));
    expectValid("EcomResponse", await answer("POST", `/v2/transactions/${auth2?.id}/void`, 201, null));
  });

  it("token calls: GET (TokenResponse), PUT (CardResponse), PATCH (PatchTokenResponse)", async () => {
    for (const token of seeded.tokens.slice(0, 100))
      expectValid("TokenResponse", await h.ecomJson(`/v2/card/${token.reuse_token}`));
    const putBody = {
      token_scope: scope,
      encrypted_card: encryptCard("5555555555554444"),
      public_key_alias: "key-1",
      token_type: "REUSE_AND_ANALYTICS",
      token_expiry_date: "2030-12-31",
    };
    const created = await answer("PUT", "/v2/card", 200, "PutDto", putBody);
    expectValid("CardResponse", created);
    const id = String(created?.reuse_token);
    const patchBody = {
      card_holder_name: "MR J HOLDER",
      card_holder_email: "j@example.com",
      expiry_month: 1,
      expiry_year: 2032,
    };
    expectValid("PatchTokenResponse", await answer("PATCH", `/v2/card/${id}`, 200, "PatchDto", patchBody));
    expectValid("TokenResponse", await h.ecomJson(`/v2/card/${id}`));
    expect(await answer("PATCH", `/v2/card/${id}/suspend`, 204, null)).toBeNull();
    expect(await answer("PATCH", `/v2/card/${id}/activate`, 204, null)).toBeNull();
    expect(await answer("DELETE", `/v2/card/${id}`, 204, null)).toBeNull();
    expectValid("TokenResponse", await h.ecomJson(`/v2/card/${id}`));
  });

  it.each([
    ["400 on the list", "BadRequestV2Docs", () => h.ecom("GET", "/v2/transactions?_limit=0"), 400],
    ["400 on count", "BadRequestV2Docs", () => h.ecom("GET", "/v2/transactions/count?_skip=1"), 400],
    ["400 on a payment", "BadRequestV2Docs", () => h.ecom("POST", "/v2/transactions/card", {}), 400],
    ["400 on a state refusal", "BadRequestV2Docs", () => h.ecom("POST", `/v2/transactions/${all[0]?.id}/void`), 400],
    ["400 on a token id", "BadRequestV2Docs", () => h.ecom("GET", "/v2/card/short"), 400],
    ["400 on broken JSON", "BadRequestV2Docs", () => h.ecom("POST", "/v2/transactions/card", "{"), 400],
    ["401", "UnauthorizedV2Docs", () => h.ecom("GET", "/v2/transactions", undefined, { authorization: "" }), 401],
    ["404 transaction", "NotFoundV2Docs", () => h.ecom("GET", "/v2/transaction/nope"), 404],
    ["404 token", "NotFoundV2Docs", () => h.ecom("GET", "/v2/card/NoSuchTokenAtAll"), 404],
    ["404 route", "NotFoundV2Docs", () => h.ecom("GET", "/v2/nothing"), 404],
  ])("error %s is a %s", async (_name, name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectValid(name, await res.json());
  });

  it("an injected 500 is an InternalErrorV2Docs", async () => {
    await h.control("/faults", { body: { path: "/oidc/api/v2/transactions", status: 500 } });
    const res = await h.ecom("GET", "/v2/transactions");
    expect(res.status).toBe(500);
    expectValid("InternalErrorV2Docs", await res.json());
  });
});
