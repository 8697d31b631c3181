import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ authentications: 10 });
});
afterAll(() => stack?.close());

describe("security headers on API answers", () => {
  it("every answer carries the CSP, frame-ancestors 'none', nosniff and a Referrer-Policy", async () => {
    for (const path of ["/healthz", "/trpc/auth.me", "/export/audit.csv"]) {
      const res = await fetch(`${stack.api.url}${path}`);
      expect(res.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("permissions-policy"), path).toMatch(/geolocation=\(\)/);
      // Data is never rendered: its policy allows no inline style at all (pages get a nonce: dashboard.int.test.ts).
      expect(res.headers.get("content-security-policy"), path).toMatch(/style-src 'self'(;|$)/);
    }
  });

  it("sends HSTS only when the request came over HTTPS (through a trusted proxy)", async () => {
    const plain = await fetch(`${stack.api.url}/healthz`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const https = await fetch(`${stack.api.url}/healthz`, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });
});
