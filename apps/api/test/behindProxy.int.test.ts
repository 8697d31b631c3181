import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A login POST with any Host and headers (fetch will not send a forged Host). */
function login(stack: Stack, headers: Record<string, string>): Promise<Raw> {
  const body = JSON.stringify({ email: "ops@demo.test", password: "demo-password-1" });
  return new Promise((resolve, reject) => {
    const req = request(
      `${stack.api.url}/trpc/auth.login`,
      { method: "POST", headers: { "content-type": "application/json", ...headers } },
      (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
const cookieOf = (raw: Raw) => String(raw.headers["set-cookie"] ?? "");

describe("without PUBLIC_URL (the embedded demo on this machine)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ authentications: 10 });
  });
  afterAll(() => stack?.close());

  it("a page on another host (Host: evil.example, DNS rebinding) does not pass the Origin check", async () => {
    const answer = await login(stack, { host: "evil.example", origin: "http://evil.example" });
    expect(answer.status).toBe(403);
  });

  it("the product's own page on this machine does", async () => {
    const answer = await login(stack, { origin: stack.api.url });
    expect(answer.status).toBe(200);
    expect(cookieOf(answer)).not.toMatch(/Secure/);
  });
});

describe("with PUBLIC_URL behind a load balancer", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ authentications: 10, publicUrl: "https://backoffice.example.test", trustProxy: 1 });
  });
  afterAll(() => stack?.close());

  it("accepts mutations whose Origin is PUBLIC_URL, whatever Host the balancer forwards", async () => {
    const answer = await login(stack, { host: "10.0.3.7:3000", origin: "https://backoffice.example.test" });
    expect(answer.status).toBe(200);
    // Staff use https: the session cookie is Secure even though the hop to us is plain HTTP.
    expect(cookieOf(answer)).toMatch(/Secure/);
  });

  it("refuses any other Origin, the API's own address included", async () => {
    expect((await login(stack, { origin: stack.api.url })).status).toBe(403);
    expect((await login(stack, { host: "evil.example", origin: "http://evil.example" })).status).toBe(403);
    expect((await login(stack, { origin: "https://backoffice.example.test.evil.example" })).status).toBe(403);
  });
});

describe("TRUST_PROXY", () => {
  let stack: Stack;
  beforeAll(async () => {
    // Only 10.0.0.1 is our proxy: a request straight from 127.0.0.1 is not from a trusted hop.
    stack = await startStack({ authentications: 10, trustProxy: ["10.0.0.1"] });
  });
  afterAll(() => stack?.close());

  it("ignores X-Forwarded-* from a hop it does not trust", async () => {
    const res = await fetch(`${stack.api.url}/healthz`, {
      headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" },
    });
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const answer = await login(stack, { origin: stack.api.url, "x-forwarded-proto": "https" });
    expect(answer.status).toBe(200);
    expect(cookieOf(answer)).not.toMatch(/Secure/);
    const { rows } = await stack.api.db.query<{ ip: string | null }>(
      "SELECT ip FROM session ORDER BY created_at DESC LIMIT 1",
    );
    expect(rows[0]?.ip).not.toBe("203.0.113.9");
  });
});
