// An unbatched GET query is answered by src/http/singleQuery.ts, not by tRPC's Express adapter. Whatever happens —
// data, refusal, bad input, Verifone failing — its answer must be the adapter's: the same call as a batch of one
// (which the adapter answers) gives the same status, content type and body.
import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ authentications: 300 });
});
afterAll(() => stack?.close());
afterEach(() => fetch(`${stack.sandbox.url}/__sandbox/faults`, { method: "DELETE" }));

type Reply = { status: number; type: string | null; vary: string | null; length: string | null; body: unknown };

async function get(url: string, cookie: string | null): Promise<Reply> {
  const res = await fetch(`${stack.api.url}${url}`, { headers: cookie ? { cookie } : {} });
  const text = await res.text();
  stack.witness.noteAnswer(res.status, text);
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    vary: res.headers.get("vary"),
    length: res.headers.get("content-length"),
    body: JSON.parse(text),
  };
}

/** A GET sent exactly as written (fetch would drop a `#…` and normalise the path). */
function raw(pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { port } = new URL(stack.api.url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path: pathAndQuery,
      headers: { cookie: stack.cookie ?? "", ...headers },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The same call, once as the dashboard's lists make it and once as a batch of one. */
async function both(procedure: string, input: unknown, cookie: string | null = stack.cookie) {
  const encoded = input === undefined ? undefined : encodeURIComponent(JSON.stringify(input));
  const single = await get(`/trpc/${procedure}${encoded === undefined ? "" : `?input=${encoded}`}`, cookie);
  const batchInput = encodeURIComponent(JSON.stringify(input === undefined ? {} : { 0: input }));
  const batch = await get(`/trpc/${procedure}?batch=1&input=${batchInput}`, cookie);
  return { single, batch };
}

function expectSame({ single, batch }: { single: Reply; batch: Reply }) {
  expect(single.status).toBe(batch.status);
  expect(single.type).toBe(batch.type);
  expect(single.vary).toBe(batch.vary);
  expect([single.body]).toEqual(batch.body);
}

const recent = { filters: [{ field: "authentication.pares_status", op: "eq", value: "Y" }], limit: 5 };

describe("an unbatched query answers exactly as tRPC's adapter would", () => {
  it("is answered by the lean path (it knows its length: the adapter streams its answer)", async () => {
    const { single, batch } = await both("authentications.list", recent);
    expect(single.status).toBe(200);
    expect(single.length).not.toBeNull();
    expect(batch.length).toBeNull();
  });

  it("a list, with its liability verdicts", async () => {
    const answer = await both("authentications.list", recent);
    expect(answer.single.status).toBe(200);
    expect((answer.single.body as { result: { data: { items: unknown[] } } }).result.data.items).toHaveLength(5);
    expectSame(answer);
  });

  it("a query without input (the schema's default)", async () => {
    const answer = await both("authentications.count", undefined);
    expect(answer.single.status).toBe(200);
    expectSame(answer);
  });

  it("not signed in: UNAUTHORIZED", async () => {
    const answer = await both("authentications.list", recent, null);
    expect(answer.single.status).toBe(401);
    expectSame(answer);
  });

  it("a role without the permission: FORBIDDEN", async () => {
    const answer = await both("audit.list", {});
    expect(answer.single.status).toBe(403);
    expectSame(answer);
  });

  it("bad input: BAD_REQUEST naming the field", async () => {
    const answer = await both("authentications.list", { filters: [{ field: "colour", op: "eq", value: "red" }] });
    expect(answer.single.status).toBe(400);
    expect(JSON.stringify(answer.single.body)).toMatch(/colour/);
    expectSame(answer);
  });

  it("Verifone failing: the upstream error and its status", async () => {
    await fetch(`${stack.sandbox.url}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ method: "GET", path: "/oidc/3ds-service/v2/3d", times: 20, status: 400 }),
    });
    const answer = await both("authentications.list", recent);
    expect(answer.single.status).toBeGreaterThanOrEqual(400);
    expectSame(answer);
  });

  it("reads the URL as the adapter does: not past a #, the first of two inputs (both checked for depth)", async () => {
    const deep = encodeURIComponent(`${"[".repeat(200)}${"]".repeat(200)}`);
    const plain = await raw("/trpc/authentications.count");
    const fragment = await raw(`/trpc/authentications.count?x=#&input=${deep}`);
    expect(fragment.status).toBe(200);
    expect(fragment.body).toBe(plain.body);
    const repeated = await raw(`/trpc/authentications.count?input=%7B%7D&input=${deep}`);
    expect(repeated.status).toBe(400);
    expect(repeated.body).toMatch(/nested more than 64 levels/);
  });

  it("leaves to the adapter what is not one plain query: a trailing slash, a bad escape, a streaming accept", async () => {
    for (const [url, headers, status] of [
      ["/trpc/authentications.count/", {}, 404],
      ["/trpc/%E0", {}, 400],
      ["/trpc/authentications.count", { accept: "application/jsonl" }, 400],
    ] as const) {
      const answer = await raw(url, headers);
      expect(answer.status, url).toBe(status);
      expect(JSON.parse(answer.body).error.data.httpStatus, url).toBe(status);
    }
  });

  it("what the lean path leaves to the adapter: input that is not JSON, a mutation, an unknown procedure", async () => {
    const notJson = await get("/trpc/authentications.list?input=%7Bnope", stack.cookie);
    expect(notJson.status).toBe(400);
    const mutation = await get("/trpc/auth.logout", stack.cookie);
    expect(mutation.status).toBe(405);
    const unknown = await get("/trpc/authentications.nothing", stack.cookie);
    expect(unknown.status).toBe(404);
  });
});
