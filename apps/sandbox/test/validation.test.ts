import { describe, expect, it } from "vitest";
import { useSandbox } from "./harness.ts";

const h = useSandbox({ authentications: 50 });

type ErrorBody = {
  code: number;
  message: string;
  details: { errors: { parameter: string; message: string }[] };
  timestamp: number;
};

async function expect400(path: string, parameter: string) {
  const res = await h.get(path);
  expect(res.status).toBe(400);
  const body = (await res.json()) as ErrorBody;
  expect(body.code).toBe(400);
  expect(typeof body.timestamp).toBe("number");
  expect(body.message).toContain(`"${parameter}"`);
  expect(body.details.errors.map((e) => e.parameter)).toContain(parameter);
  return body;
}

describe("400 names the bad parameter", () => {
  it.each([
    ["unknown field", "/v2/3d?colour=red", "colour"],
    ["unknown nested field", "/v2/3d?authentication.colour=red", "authentication.colour"],
    [
      "operator the field does not take (>= on a string)",
      "/v2/3d?authentication.card_brand%3E=VISA",
      "authentication.card_brand>",
    ],
    ["operator the field does not take (<= on a string)", "/v2/3d?currency_code<=EUR", "currency_code<"],
    ["operator the field does not take (~ on amount)", "/v2/3d?amount~=12", "amount~"],
    ["operator the field does not take (~ on created_at)", "/v2/3d?created_at~=2021", "created_at~"],
    ["sort-only field used as a filter", "/v2/3d?entity_name=Shop", "entity_name"],
    ["non-numeric amount", "/v2/3d?amount=12abc", "amount"],
    ["non-numeric amount bound", "/v2/3d?amount>=ten", "amount>"],
    ["amount above the spec maximum", "/v2/3d?amount<=9007199254740992", "amount<"],
    ["malformed date", "/v2/3d?created_at>=16-10-2021", "created_at>"],
    ["impossible date", "/v2/3d?created_at<=2021-02-30", "created_at<"],
    ["impossible time", "/v2/3d?created_at=2021-10-16T25:00:00Z", "created_at"],
    ["empty value", "/v2/3d?currency_code=", "currency_code"],
    ["key without a value", "/v2/3d?currency_code", "currency_code"],
    ["currency code not 3 characters", "/v2/3d?currency_code=EURO", "currency_code"],
    ["network_score longer than 2", "/v2/3d?authentication.network_score!=100", "authentication.network_score!"],
    [
      "challenge_cancel outside its enum",
      "/v2/3d?authentication.challenge_cancel=09",
      "authentication.challenge_cancel",
    ],
    [
      "authorization_payload not base64",
      "/v2/3d?authentication.authorization_payload=abc",
      "authentication.authorization_payload",
    ],
    ["_limit 0", "/v2/3d?_limit=0", "_limit"],
    ["_limit 10001", "/v2/3d?_limit=10001", "_limit"],
    ["_limit not a number", "/v2/3d?_limit=all", "_limit"],
    ["_limit twice", "/v2/3d?_limit=5&_limit=6", "_limit"],
    ["negative _skip", "/v2/3d?_skip=-1", "_skip"],
    ["fractional _skip", "/v2/3d?_skip=1.5", "_skip"],
    ["unknown _sort field", "/v2/3d?_sort=colour", "_sort"],
    ["_sort on a filter-only field", "/v2/3d?_sort=encrypted_card", "_sort"],
    ["descending entity_name (absent from the spec's _sort enum)", "/v2/3d?_sort=-entity_name", "_sort"],
    ["paging parameter on count", "/v2/3d/count?_limit=10", "_limit"],
    ["sort on count", "/v2/3d/count?_sort=amount", "_sort"],
    ["unknown field on count", "/v2/3d/count?colour=red", "colour"],
    ["broken percent-encoding", "/v2/3d?currency_code=%E0%A4%A", "currency_code"],
  ])("%s", async (_name, path, parameter) => {
    await expect400(path, parameter);
  });

  it("reports every problem at once, leading with the first", async () => {
    const body = await expect400("/v2/3d?_limit=0&amount>=x&colour=1", "_limit");
    expect(body.details.errors.map((e) => e.parameter).sort()).toEqual(["_limit", "amount>", "colour"]);
    expect(body.message).toMatch(/and 2 more/);
  });

  it("does not echo filter values back (they may be card data)", async () => {
    const res = await h.get("/v2/3d?encrypted_card%3E=4111111111111111");
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain("4111111111111111");
  });

  it("accepts sort-only fields in _sort, such as entity_name ascending", async () => {
    const res = await h.get("/v2/3d?_sort=entity_name&_sort=authentication.white_list_status&_limit=3");
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(3);
  });
});
