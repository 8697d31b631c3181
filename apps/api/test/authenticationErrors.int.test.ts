import { liabilityOf } from "@vbo/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ authentications: 300 });
});
afterAll(() => stack?.close());
afterEach(() => fetch(`${stack.sandbox.url}/__sandbox/faults`, { method: "DELETE" }));

function fault(body: Record<string, unknown>) {
  return fetch(`${stack.sandbox.url}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("bad input is a BAD_REQUEST that names it", () => {
  const bad: { name: string; input: unknown; path: (string | number)[]; mentions: RegExp }[] = [
    {
      name: "unknown field",
      input: { filters: [{ field: "colour", op: "eq", value: "red" }] },
      path: ["filters", 0, "field"],
      mentions: /colour/,
    },
    {
      name: "operator the field does not take",
      input: { filters: [{ field: "authentication.card_brand", op: "gte", value: "VISA" }] },
      path: ["filters", 0, "op"],
      mentions: /card_brand.*gte/,
    },
    {
      name: "unknown operator",
      input: { filters: [{ field: "amount", op: "between", value: 1 }] },
      path: ["filters", 0, "op"],
      mentions: /./,
    },
    {
      name: "non-numeric amount",
      input: { filters: [{ field: "amount", op: "gte", value: "ten" }] },
      path: ["filters", 0, "value"],
      mentions: /amount.*ten/,
    },
    {
      name: "malformed date",
      input: { filters: [{ field: "created_at", op: "gte", value: "yesterday" }] },
      path: ["filters", 0, "value"],
      mentions: /created_at/,
    },
    { name: "limit 0", input: { limit: 0 }, path: ["limit"], mentions: /./ },
    { name: "limit 10001", input: { limit: 10_001 }, path: ["limit"], mentions: /10000|10,000/ },
    { name: "negative skip", input: { skip: -1 }, path: ["skip"], mentions: /./ },
    {
      name: "unsortable field",
      input: { sort: [{ field: "encrypted_card" }] },
      path: ["sort", 0, "field"],
      mentions: /encrypted_card/,
    },
    {
      name: "second filter wrong",
      input: {
        filters: [
          { field: "amount", op: "gte", value: 1 },
          { field: "currency_code", op: "lte", value: "EUR" },
        ],
      },
      path: ["filters", 1, "op"],
      mentions: /currency_code/,
    },
  ];
  for (const b of bad) {
    it(b.name, async () => {
      const { status, body } = await stack.query("authentications.list", b.input);
      expect(status).toBe(400);
      expect(body.error?.data.code).toBe("BAD_REQUEST");
      const problem = body.error?.data.problems?.find((p) => JSON.stringify(p.path) === JSON.stringify(b.path));
      expect(problem, JSON.stringify(body.error?.data.problems)).toBeDefined();
      expect(problem?.message).toMatch(b.mentions);
    });
  }

  it("count validates filters the same way", async () => {
    const { status, body } = await stack.query("authentications.count", {
      filters: [{ field: "nope", op: "eq", value: "x" }],
    });
    expect(status).toBe(400);
    expect(body.error?.data.problems?.[0]?.path).toEqual(["filters", 0, "field"]);
  });
});

describe("get", () => {
  it("returns the record as Verifone has it plus its liability", async () => {
    const [first] = await stack.upstream<Record<string, unknown>[]>("/v2/3d?_limit=1");
    const { status, body } = await stack.query<Record<string, unknown>>("authentications.get", { id: first?._id });
    expect(status).toBe(200);
    const { liability, ...record } = body.result?.data ?? {};
    expect(record).toEqual(first);
    expect(liability).toEqual(liabilityOf(first as never));
  });

  it("an unknown id is NOT_FOUND", async () => {
    const { status, body } = await stack.query("authentications.get", { id: "does-not-exist-0000" });
    expect(status).toBe(404);
    expect(body.error?.data.code).toBe("NOT_FOUND");
  });
});

describe("summary", () => {
  it("issuer and merchant counts agree with the liability of every matching record", async () => {
    const filters = [{ field: "amount", op: "gte", value: 2000 }];
    const records = await stack.upstream<Record<string, unknown>[]>("/v2/3d?_limit=10000&amount%3E=2000");
    const issuer = records.filter((r) => liabilityOf(r as never).liable === "ISSUER").length;
    const { body } = await stack.query<{ total: number; issuer: number; merchant: number }>("authentications.summary", {
      filters,
    });
    expect(body.result?.data).toEqual({ total: records.length, issuer, merchant: records.length - issuer });
  });

  it("is exact with no filters too", async () => {
    const records = await stack.upstream<Record<string, unknown>[]>("/v2/3d?_limit=10000");
    const issuer = records.filter((r) => liabilityOf(r as never).liable === "ISSUER").length;
    const { body } = await stack.query<{ total: number; issuer: number }>("authentications.summary", {});
    expect(body.result?.data).toMatchObject({ total: 300, issuer });
  });
});

describe("upstream failures", () => {
  it("a single 500 is retried and the user never sees it", async () => {
    await fault({ method: "GET", path: "/oidc/3ds-service/v2/3d", times: 1, status: 500 });
    const { status, body } = await stack.query<{ items: unknown[] }>("authentications.list", { limit: 5 });
    expect(status).toBe(200);
    expect(body.result?.data.items).toHaveLength(5);
  });

  it("a dropped connection is retried", async () => {
    await fault({ method: "GET", path: "/oidc/3ds-service/v2/3d", times: 1, mode: "drop" });
    const { status } = await stack.query("authentications.list", { limit: 5 });
    expect(status).toBe(200);
  });

  it("a persistent 500 becomes BAD_GATEWAY keeping Verifone's status and message", async () => {
    await fault({ method: "GET", path: "/oidc/3ds-service/v2/3d", times: 10, status: 500 });
    const { status, body } = await stack.query("authentications.list", { limit: 5 });
    expect(status).toBe(502);
    expect(body.error?.data.code).toBe("BAD_GATEWAY");
    expect(body.error?.data.upstream).toMatchObject({ status: 500, retryable: true });
  });

  it("a persistent 504 becomes GATEWAY_TIMEOUT", async () => {
    await fault({ method: "GET", path: "/oidc/3ds-service/v2/3d", times: 10, status: 504 });
    const { status, body } = await stack.query("authentications.list", { limit: 5 });
    expect(status).toBe(504);
    expect(body.error?.data.upstream?.status).toBe(504);
  });

  it("a malformed body is reported as an upstream failure, not a crash", async () => {
    await fault({ method: "GET", path: "/oidc/3ds-service/v2/3d", times: 10, mode: "malformed" });
    const { status, body } = await stack.query("authentications.list", { limit: 5 });
    expect(status).toBeGreaterThanOrEqual(500);
    expect(body.error?.data.upstream).toBeDefined();
  });
});

describe("health", () => {
  it("reports the upstream", async () => {
    const res = await fetch(`${stack.api.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", upstream: "sandbox" });
  });
});
