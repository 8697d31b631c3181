import { describe, expect, it } from "vitest";
import { signJwt } from "../src/threeds/jwt.ts";
import type { ThreeDSAuthentication } from "../src/threeds/types.ts";
import { credentials, lookupRequest, useSandbox } from "./harness.ts";

const h = useSandbox({ authentications: 100 });

const encryptedCard = (cardNumber: string) =>
  Buffer.from(
    JSON.stringify({
      cardNumber,
      expiryMonth: 12,
      expiryYear: 2030,
      cvv: "123",
      captureTime: new Date().toISOString(),
    }),
  ).toString("base64");

const lookupBody = lookupRequest;

type LookupResponse = Record<string, string>;

async function lookup(cardNumber: string, extra?: Record<string, unknown>): Promise<LookupResponse> {
  const res = await h.post("/v2/lookup", lookupBody(cardNumber, extra));
  expect(res.status).toBe(200);
  return (await res.json()) as LookupResponse;
}

describe("POST /v2/lookup", () => {
  it("authenticates a plain Visa frictionlessly and stores the authentication", async () => {
    const res = await lookup("4000000000001000");
    expect(res).toMatchObject({ enrolled: "Y", pares_status: "Y", eci_flag: "05", card_brand: "VISA" });
    expect(res.threeds_version).toBe("2.2.0");
    expect(res.authentication_id).toMatch(/^[0-9a-f-]{36}$/);

    const stored = await h.getJson<ThreeDSAuthentication>(`/v2/3d/${res.authentication_id}`);
    expect(stored).toMatchObject({ _id: res.authentication_id, amount: 1250, currency_code: "EUR" });
    expect(stored.authentication.ds_transaction_id).toBe(res.ds_transaction_id);
    expect(JSON.stringify(stored)).not.toContain("4000000000001000"); // the PAN is never stored

    expect(await h.getJson(`/v2/3d/count?_id=${res.authentication_id}`)).toEqual({ count: 1 });
    expect((await h.list(`?transaction_id=${res.transaction_id}`)).map((r) => r._id)).toEqual([res.authentication_id]);
    expect(await h.getJson("/v2/3d/count")).toMatchObject({ count: expect.any(Number) });
  });

  it("shows a new lookup first in the default (newest first) order", async () => {
    const res = await lookup("4000000000002008");
    const [first] = await h.list("?_limit=1");
    expect(first?._id).toBe(res.authentication_id);
    expect(res).toMatchObject({ pares_status: "A", eci_flag: "06" });
  });

  it.each([
    ["4000000000004004", { enrolled: "Y", pares_status: "N", eci_flag: "07" }],
    ["4000000000005001", { enrolled: "Y", pares_status: "U" }],
    ["4000000000006009", { enrolled: "Y", pares_status: "R" }],
    ["4000000000007007", { enrolled: "N" }],
    ["4000000000008005", { pares_status: "Y", signature_verification: "N" }],
    ["5555555555554444", { card_brand: "MASTERCARD", pares_status: "Y", eci_flag: "02" }],
    ["378282246310005", { card_brand: "AMEX", eci_flag: "05" }],
  ])("decides the outcome from test card %s", async (pan, expected) => {
    expect(await lookup(pan)).toMatchObject(expected);
  });

  it("runs a forced 3DS 1.0.2 lookup with an xid and no DS transaction id", async () => {
    const res = await lookup("4000000000001000", { threeds_version: "1.0.2" });
    expect(res.threeds_version).toBe("1.0.2");
    expect(res.xid).toBeTruthy();
    expect(res.ds_transaction_id).toBeUndefined();
  });

  it("takes a reuse token instead of a card and keeps it as the card id", async () => {
    const body = lookupBody("4000000000001000", { reuse_token: "AbCdEfGh12345678" });
    delete (body as Record<string, unknown>).encrypted_card;
    const res = await h.post("/v2/lookup", body);
    expect(res.status).toBe(200);
    const { authentication_id } = (await res.json()) as LookupResponse;
    expect((await h.getJson<ThreeDSAuthentication>(`/v2/3d/${authentication_id}`)).card).toBe("AbCdEfGh12345678");
  });

  it("refuses a body without the required fields, naming each", async () => {
    const res = await h.post("/v2/lookup", { amount: "12", currency_code: "euro" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; details: { errors: { parameter: string }[] } };
    expect(body.code).toBe(400);
    const named = body.details.errors.map((e) => e.parameter);
    for (const field of [
      "amount",
      "currency_code",
      "billing_first_name",
      "email",
      "threeds_contract_id",
      "encrypted_card",
    ])
      expect(named).toContain(field);
  });

  it("refuses an encrypted_card it cannot read, without echoing it", async () => {
    const res = await h.post("/v2/lookup", {
      ...lookupBody("4000000000001000"),
      encrypted_card: encryptedCard("4111111111111112"),
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("encrypted_card");
    expect(text).not.toContain("4111111111111112");
  });

  it("refuses a body that is not JSON", async () => {
    const res = await h.post("/v2/lookup", "{not json");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 400 });
  });
});

describe("JWT create and validate", () => {
  const contract = "7076974d-04b9-4375-9814-e9313f6bd036";

  it("creates an HS256 JWT that expires in two hours", async () => {
    const res = await h.post("/v2/jwt/create", { threeds_contract_id: contract });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { jwt: string; threeds_contract_id: string };
    expect(body.threeds_contract_id).toBe(contract);
    const [header, payload] = body.jwt
      .split(".")
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, "base64url").toString()));
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(payload.exp - payload.iat).toBe(7200);
    expect(payload).toHaveProperty("jti");
  });

  it("refuses to create without a contract id", async () => {
    const res = await h.post("/v2/jwt/create", {});
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("threeds_contract_id");
  });

  it("completes a challenge: C becomes Y, and the stored record follows", async () => {
    const looked = await lookup("4000000000003006");
    expect(looked).toMatchObject({ pares_status: "C", challenge_required: "Y" });
    expect(looked.acs_url).toMatch(/^https:\/\//);
    expect(JSON.parse(Buffer.from(looked.payload as string, "base64").toString())).toMatchObject({
      messageType: "CReq",
    });

    const { jwt } = (await (await h.post("/v2/jwt/create", { threeds_contract_id: contract })).json()) as {
      jwt: string;
    };
    const res = await h.post("/v2/jwt/validate", {
      authentication_id: looked.authentication_id,
      jwt,
      threeds_contract_id: contract,
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { action_code: string; validation_result: Record<string, string> };
    expect(body.action_code).toBe("SUCCESS");
    expect(body.validation_result).toMatchObject({ pares_status: "Y", eci_flag: "05", signature_verification: "Y" });
    const stored = await h.getJson<ThreeDSAuthentication>(`/v2/3d/${looked.authentication_id}`);
    expect(stored.authentication.pares_status).toBe("Y");
    expect(await h.getJson(`/v2/3d/count?_id=${looked.authentication_id}&authentication.pares_status=Y`)).toEqual({
      count: 1,
    });

    const again = await h.post("/v2/jwt/validate", {
      authentication_id: looked.authentication_id,
      jwt,
      threeds_contract_id: contract,
    });
    expect(again.status).toBe(400); // single use
    expect(await again.text()).toContain("already been used");
  });

  it("fails a challenge when the JWT says FAILURE", async () => {
    const looked = await lookup("4000000000003006");
    const now = Math.floor(Date.now() / 1000);
    const jwt = signJwt(
      { jti: "failure-1", iat: now, exp: now + 60, Payload: { ActionCode: "FAILURE" } },
      credentials.apiKey,
    );
    const res = await h.post("/v2/jwt/validate", {
      authentication_id: looked.authentication_id,
      jwt,
      threeds_contract_id: contract,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      action_code: "FAILURE",
      validation_result: { pares_status: "N", eci_flag: "07" },
    });
  });

  it.each([
    ["signed with another key", () => signJwt({ jti: "x1" }, "not-the-key"), "jwt"],
    ["expired", () => signJwt({ jti: "x2", exp: 1_000 }, credentials.apiKey), "jwt"],
    ["not a JWT", () => "abc", "jwt"],
  ])("refuses a JWT %s", async (_name, make, parameter) => {
    const looked = await lookup("4000000000003006");
    const res = await h.post("/v2/jwt/validate", {
      authentication_id: looked.authentication_id,
      jwt: make(),
      threeds_contract_id: contract,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ details: { errors: [{ parameter }] } });
  });

  it("answers 404 for an unknown authentication and 400 for a contract mismatch", async () => {
    const { jwt } = (await (await h.post("/v2/jwt/create", { threeds_contract_id: contract })).json()) as {
      jwt: string;
    };
    const missing = await h.post("/v2/jwt/validate", { authentication_id: "nope", jwt, threeds_contract_id: contract });
    expect(missing.status).toBe(404);
    const looked = await lookup("4000000000003006");
    const mismatch = await h.post("/v2/jwt/validate", {
      authentication_id: looked.authentication_id,
      jwt,
      threeds_contract_id: "other",
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("threeds_contract_id");
  });
});
