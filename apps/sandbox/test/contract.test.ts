import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { useSandbox } from "./harness.ts";

/**
 * Validates real sandbox responses against Verifone's own OpenAPI schemas. Two deliberate adjustments:
 * - `created_at` is declared `format: date` but described as "the time at which the authentication was created";
 *   the sandbox serves RFC 3339 date-times, so "date" here accepts a full-date OR a date-time (documented in README).
 * - objects get `additionalProperties: false`, so a misspelt or invented field fails the test.
 */
const specPath = new URL("../../../packages/verifone/openapi/3ds-authentication-api.json", import.meta.url);
const spec = JSON.parse(readFileSync(specPath, "utf8")) as { components: { schemas: Record<string, unknown> } };

function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== "object" || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closeObjects(v)]));
  if (copy.type === "object" && copy.properties && copy.additionalProperties === undefined)
    copy.additionalProperties = false;
  return copy;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const fullDate = /^\d{4}-\d{2}-\d{2}$/;
ajv.addFormat("date", {
  type: "string",
  validate: (value: string) =>
    (fullDate.test(value) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) &&
    !Number.isNaN(Date.parse(value)),
});
ajv.addSchema({ $id: "3ds", components: closeObjects(spec.components) });

const schema = (name: string): ValidateFunction => {
  const validate = ajv.getSchema(`3ds#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
};

function expectValid(name: string, data: unknown) {
  const validate = schema(name);
  const ok = validate(data);
  expect(ok, ajv.errorsText(validate.errors, { separator: "\n" })).toBe(true);
}

const h = useSandbox({ seed: 11, authentications: 3000 });

const encryptedCard = (cardNumber: string) => Buffer.from(JSON.stringify({ cardNumber })).toString("base64");
const lookupBody = (cardNumber: string) => ({
  amount: 995,
  currency_code: "GBP",
  billing_first_name: "Ada",
  billing_last_name: "Lovelace",
  billing_address_1: "1 Analytical Way",
  billing_city: "London",
  billing_country_code: "GB",
  device_info_id: "1_device",
  email: "ada@example.com",
  merchant_reference: "order-1",
  threeds_contract_id: "contract-1",
  encrypted_card: encryptedCard(cardNumber),
  public_key_alias: "alias",
});

describe("contract: responses validate against 3ds-authentication-api.json", () => {
  beforeAll(() => {
    expect(() => schema("ThreeDSAuthenticationList")).not.toThrow();
  });

  it("the lenient date format still refuses garbage", () => {
    expect(ajv.validate({ type: "string", format: "date" }, "2021-10-16")).toBe(true);
    expect(ajv.validate({ type: "string", format: "date" }, "2021-10-16T09:41:07.123Z")).toBe(true);
    expect(ajv.validate({ type: "string", format: "date" }, "16/10/2021")).toBe(false);
    expect(schema("ThreeDSAuthentication")({ _id: "x", colour: "red" })).toBe(false); // closed objects
  });

  it("GET /v2/3d: every seeded record is a ThreeDSAuthentication", async () => {
    const all = await h.list("?_limit=10000");
    expect(all).toHaveLength(3000);
    expectValid("ThreeDSAuthenticationList", all);
  });

  it("GET /v2/3d/{id}", async () => {
    const [first] = await h.list("?_limit=1&authentication.pares_status=C");
    expectValid("ThreeDSAuthentication", await h.getJson(`/v2/3d/${first?._id}`));
  });

  it.each(["4000000000001000", "4000000000003006", "4000000000006009", "4000000000007007", "5555555555554444"])(
    "POST /v2/lookup (card %s) and the record it stores",
    async (pan) => {
      const res = await h.post("/v2/lookup", lookupBody(pan));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { authentication_id: string };
      expectValid("LookupResponse", body);
      expectValid("ThreeDSAuthentication", await h.getJson(`/v2/3d/${body.authentication_id}`));
    },
  );

  it.each([
    ["400", () => h.get("/v2/3d?amount=abc"), 400],
    ["400 on count", () => h.get("/v2/3d/count?_sort=amount"), 400],
    ["400 on lookup", () => h.post("/v2/lookup", {}), 400],
    ["401", () => h.get("/v2/3d", {}), 401],
    ["404", () => h.get("/v2/3d/unknown"), 404],
  ])("ErrorResponse: %s", async (_name, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
    expectValid("ErrorResponse", await res.json());
  });

  it.each([500, 504])("ErrorResponse: injected %s", async (status) => {
    await h.control("/faults", { body: { path: "/oidc/3ds-service/v2/3d", status } });
    const res = await h.get("/v2/3d");
    expect(res.status).toBe(status);
    expectValid("ErrorResponse", await res.json());
  });
});
