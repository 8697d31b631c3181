import { describe, expect, it } from "vitest";
import { declineCards, seedEcommerce } from "../src/index.ts";
import { type EcomError, encryptCard, testNow, useSandbox } from "./harness.ts";

const sizes = { authentications: 400, tokens: 80, transactions: 300 };
const h = useSandbox({ seed: 21, ...sizes });
const seeded = seedEcommerce(21, sizes, testNow);

const ppc = "d1f0f6ab-1d40-44ae-b16b-8f09fe6fd77f";
const scope = "0e48425a-f1bc-431a-b7d8-f866de8ba276";
const pan = "4111111111111111";
type Answer = Record<string, unknown> & { id: string; status: string; token_details?: { reuse_token: string } };

const cardPayment = (body: Record<string, unknown> = {}) => ({
  payment_provider_contract: ppc,
  amount: 1000,
  currency_code: "EUR",
  encrypted_card: encryptCard(pan),
  public_key_alias: "key-1",
  merchant_reference: "VF Test",
  ...body,
});
const tokenPayment = (reuse_token: string, body: Record<string, unknown> = {}) => ({
  payment_provider_contract: ppc,
  amount: 1500,
  currency_code: "GBP",
  reuse_token,
  ...body,
});

async function pay(body: unknown): Promise<Answer> {
  const res = await h.ecom("POST", "/v2/transactions/card", body);
  const text = await res.text();
  expect(res.status, text).toBe(201);
  expect(text).not.toContain(pan);
  return JSON.parse(text) as Answer;
}
async function refusedPayment(body: unknown, status = 400): Promise<EcomError> {
  const res = await h.ecom("POST", "/v2/transactions/card", body);
  expect(res.status).toBe(status);
  return (await res.json()) as EcomError;
}
const get = (id: string) => h.ecomJson<Record<string, unknown>>(`/v2/transaction/${id}`);
const activeToken = (i = 0) => String(seeded.tokens.filter((t) => t.token_status === "ACTIVE")[i]?.reuse_token);

describe("POST /api/v2/transactions/card", () => {
  it("makes a sale: captured at once, amount in minor units, card masked", async () => {
    const sale = await pay(cardPayment({ customer_details: { first_name: "Ada", email_address: "ada@example.com" } }));
    expect(sale).toMatchObject({
      amount: 1000,
      status: "SETTLEMENT_REQUESTED",
      reason_code: "00",
      details: { auto_capture: true },
      shopper_interaction: "ECOMMERCE",
      payment_product: "CARD",
      payment_product_type: "Visa",
      merchant_reference: "VF Test",
      reversal_status: "NONE",
      customer_details: { first_name: "Ada", email_address: "ada@example.com" },
    });
    expect(sale.authorization_code).toMatch(/^\d{6}$/);
    expect(await get(sale.id)).toMatchObject({
      transaction_type: "SALE",
      transaction_status: "SETTLEMENT_REQUESTED",
      amount: "10.00",
      masked_card_number: "411111******1111",
      shopper_interaction: "ecommerce",
    });
  });

  it("authorises only with capture_now false, and pre-authorises with auth_type PRE_AUTH", async () => {
    const auth = await pay(cardPayment({ capture_now: false }));
    expect(auth).toMatchObject({ status: "AUTHORIZED", details: { auto_capture: false } });
    expect(await get(auth.id)).toMatchObject({ transaction_type: "AUTHORISATION", transaction_status: "AUTHORISED" });
    const pre = await pay(cardPayment({ capture_now: false, auth_type: "PRE_AUTH" }));
    expect(await get(pre.id)).toMatchObject({ transaction_type: "PREAUTH", transaction_status: "AUTHORISED" });
    const error = await refusedPayment(cardPayment({ auth_type: "PRE_AUTH" }));
    expect(error.details["body.capture_now"]?.message).toBe("must be false with auth_type PRE_AUTH");
  });

  it("verifies a card with amount 0", async () => {
    const check = await pay(cardPayment({ amount: 0 }));
    expect(await get(check.id)).toMatchObject({
      transaction_type: "CARD_VERIFICATION",
      transaction_status: "APPROVED",
    });
  });

  it("keeps currencies' exponents: JPY has none, BHD three", async () => {
    const yen = await pay(cardPayment({ amount: 1250, currency_code: "JPY" }));
    const dinar = await pay(cardPayment({ amount: 12345, currency_code: "BHD" }));
    expect(yen.amount).toBe(1250);
    expect((await get(yen.id)).amount).toBe("1250");
    expect((await get(dinar.id)).amount).toBe("12.345");
    const [listed] = await h.ecomJson<{ amount: number }[]>(`/v2/transactions?id=${dinar.id}`);
    expect(listed?.amount).toBe(12.345);
  });

  it.each(Object.entries(declineCards))("declines test card %s (%s)", async (number, { reason_code }) => {
    const declined = await pay(cardPayment({ encrypted_card: encryptCard(number) }));
    expect(declined).toMatchObject({ status: "DECLINED", reason_code });
    expect(declined.authorization_code).toBeUndefined();
    expect(await get(declined.id)).toMatchObject({ transaction_status: "DECLINED", reason_code });
  });

  it("declines an expired card", async () => {
    const declined = await pay(cardPayment({ encrypted_card: encryptCard(pan, { expiryMonth: 1, expiryYear: 2020 }) }));
    expect(declined).toMatchObject({ status: "DECLINED", reason_code: "54" });
  });

  it("keeps the threed_authentication block (the response schema's fields) and declines a failed authentication", async () => {
    const threed_authentication = {
      eci_flag: "05",
      enrolled: "Y",
      cavv: "AAIBBYNoEwAAACcKhAJkdQAAAAA=",
      pares_status: "Y",
      threeds_version: "2.2.0",
      ds_transaction_id: "4eaa10ef-e5e4-4b4c-8aef-29439e450b60",
      signature_verification: "Y",
      error_desc: "Success",
      error_no: "0",
    };
    const paid = await pay(cardPayment({ threed_authentication }));
    const { signature_verification: _s, error_desc: _d, error_no: _n, ...kept } = threed_authentication;
    expect(paid.threed_authentication).toEqual(kept);
    expect((await get(paid.id)).threed_authentication).toEqual(kept);
    const failed = await pay(cardPayment({ threed_authentication: { ...threed_authentication, pares_status: "N" } }));
    expect(failed).toMatchObject({ status: "DECLINED", status_reason: "THREEDSECURE_FAILED_AUTH" });
  });

  it("refuses a bad threed_authentication block, naming the nested field", async () => {
    const error = await refusedPayment(cardPayment({ threed_authentication: { eci_flag: "09", cavv: "short" } }));
    expect(Object.keys(error.details).sort()).toEqual([
      "body.threed_authentication.cavv",
      "body.threed_authentication.eci_flag",
    ]);
  });

  it("refuses a bad body, naming every problem, never echoing the card", async () => {
    const error = await refusedPayment({
      amount: 10.5,
      currency_code: "eur",
      encrypted_card: encryptCard("4111111111111112"),
      colour: "red",
    });
    expect(Object.keys(error.details).sort()).toEqual(
      [
        "body.amount",
        "body.colour",
        "body.currency_code",
        "body.encrypted_card",
        "body.payment_provider_contract",
        "body.public_key_alias",
      ].sort(),
    );
    expect(JSON.stringify(error)).not.toContain("4111111111111112");
  });

  it("refuses encrypted_card and reuse_token together", async () => {
    const error = await refusedPayment(cardPayment({ reuse_token: activeToken() }));
    expect(Object.keys(error.details)).toContain("body.reuse_token");
  });

  it("keeps invoice_number, a filter of the list although the list does not show it", async () => {
    const paid = await pay(cardPayment({ invoice_number: "INV-777-XYZ" }));
    expect(paid.invoice_number).toBe("INV-777-XYZ");
    const found = await h.ecomJson<{ id: string }[]>("/v2/transactions?invoice_number=INV-777-XYZ");
    expect(found.map((t) => t.id)).toEqual([paid.id]);
  });
});

describe("paying with a reuse token", () => {
  it("charges an ACTIVE token, answering its token_details", async () => {
    const id = activeToken(0);
    const paid = await pay(tokenPayment(id));
    expect(paid.token_details).toMatchObject({ reuse_token: id, token_status: "ACTIVE" });
    expect(await get(paid.id)).toMatchObject({ token_details: { reuse_token: id, reuse_token_type: "INTERNAL" } });
  });

  it("refuses a suspended or deleted token, saying its state, and an unknown one with 404", async () => {
    const id = activeToken(1);
    await h.ecom("PATCH", `/v2/card/${id}/suspend`);
    const suspended = await refusedPayment(tokenPayment(id));
    expect(suspended.details["body.reuse_token"]).toMatchObject({ token_status: "SUSPENDED" });
    await h.ecom("DELETE", `/v2/card/${id}`);
    const deleted = await refusedPayment(tokenPayment(id));
    expect(deleted.details["body.reuse_token"]).toMatchObject({ token_status: "DELETED" });
    const unknown = await refusedPayment(tokenPayment("NoSuchToken00000"), 404);
    expect(Object.keys(unknown.details)).toEqual(["body.reuse_token"]);
  });

  it("tokenises the card when token_preference is given", async () => {
    const paid = await pay(cardPayment({ token_preference: { token_scope: scope } }));
    const id = String(paid.token_details?.reuse_token);
    expect(await h.ecomJson(`/v2/card/${id}`)).toMatchObject({ last_four: "1111", token_scope: scope });
  });
});

describe("stored credentials", () => {
  const signup = (model: string) => ({
    stored_credential_type: "SIGNUP",
    processing_model_details: { processing_model: model },
  });
  const charge = (model: string) => ({
    stored_credential_type: "CHARGE",
    processing_model_details: { processing_model: model },
  });

  it("signs up with a new token, then charges it with the sign-up's reference", async () => {
    const first = await pay(
      cardPayment({ stored_credential: signup("RECURRING"), token_preference: { token_scope: scope }, amount: 0 }),
    );
    expect(first.stored_credential).toMatchObject({ stored_credential_type: "SIGNUP", processing_model: "RECURRING" });
    const token = String(first.token_details?.reuse_token);
    const next = await pay(tokenPayment(token, { stored_credential: charge("RECURRING") }));
    expect(next.stored_credential).toMatchObject({
      stored_credential_type: "CHARGE",
      processing_model: "RECURRING",
      reference: (first.stored_credential as { reference: string }).reference,
    });
    const mismatch = await refusedPayment(tokenPayment(token, { stored_credential: charge("CREDENTIAL_ON_FILE") }));
    expect(mismatch.details["body.stored_credential.processing_model_details.processing_model"]).toMatchObject({
      signup_processing_model: "RECURRING",
      allowed: ["RECURRING"],
    });
  });

  it("needs a token to sign up", async () => {
    const error = await refusedPayment(cardPayment({ stored_credential: signup("NONE") }));
    expect(Object.keys(error.details)).toEqual(["body.token_preference"]);
  });

  it("charges are sales or final authorisations, pre-auth only to re-authorise", async () => {
    const put = await h.ecom("PUT", "/v2/card", {
      token_scope: scope,
      encrypted_card: encryptCard("5555555555554444"),
      public_key_alias: "key-1",
    });
    const id = ((await put.json()) as { reuse_token: string }).reuse_token; // no sign-up: any charge model
    const error = await refusedPayment(
      tokenPayment(id, { stored_credential: charge("CREDENTIAL_ON_FILE"), capture_now: false, auth_type: "PRE_AUTH" }),
    );
    expect(Object.keys(error.details)).toEqual(["body.auth_type"]);
  });

  it("refuses a stored_credential without its required parts", async () => {
    const error = await refusedPayment(cardPayment({ stored_credential: { stored_credential_type: "SOMETIMES" } }));
    expect(Object.keys(error.details).sort()).toEqual([
      "body.stored_credential.processing_model_details",
      "body.stored_credential.stored_credential_type",
    ]);
  });
});
