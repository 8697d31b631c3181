import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET that neither asks for nor undoes any encoding unless told: the bytes as they travel. */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ row: i, eci: "05" })))};\n`;
const page = `<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script></head>${"<!-- padding -->".repeat(100)}<body></body></html>`;

describe("the dashboard's files", () => {
  let stack: Stack;
  let dist: string;
  beforeAll(async () => {
    // What `pnpm --filter @vbo/web build` leaves: hashed assets and index.html, each with its .br and .gz.
    dist = mkdtempSync(path.join(tmpdir(), "vbo-dist-"));
    mkdirSync(path.join(dist, "assets"));
    for (const [file, content] of [
      ["assets/index-AbCd1234.js", script],
      ["index.html", page],
    ] as const) {
      writeFileSync(path.join(dist, file), content);
      writeFileSync(path.join(dist, `${file}.br`), brotliCompressSync(content));
      writeFileSync(path.join(dist, `${file}.gz`), gzipSync(content));
    }
    writeFileSync(path.join(dist, "color-scheme.js"), "document.documentElement.dataset.scheme = 'light';\n");
    stack = await startStack({ authentications: 10, webDist: dist });
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends hashed assets brotli-compressed to `accept-encoding: br, gzip`, cached for a year", async () => {
    const res = await get(`${stack.api.url}/assets/index-AbCd1234.js`, { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it("sends gzip to a client without brotli, and the plain file to one that accepts neither", async () => {
    const gz = await get(`${stack.api.url}/assets/index-AbCd1234.js`, { "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get(`${stack.api.url}/assets/index-AbCd1234.js`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers every page route with index.html, compressed, revalidated on each visit", async () => {
    for (const route of ["/", "/authentications", "/transactions/abc?x=1"]) {
      const res = await get(`${stack.api.url}${route}`, { "accept-encoding": "br, gzip" });
      expect(res.status, route).toBe(200);
      expect(res.headers["content-type"], route).toMatch(/^text\/html/);
      expect(res.headers["content-encoding"], route).toBe("br");
      expect(res.headers["cache-control"], route).toBe("no-cache");
      expect(brotliDecompressSync(res.body).toString(), route).toBe(page);
    }
  });

  it("revalidates unhashed files, and answers 404 (not the page) for a hashed file this build lacks", async () => {
    const unhashed = await get(`${stack.api.url}/color-scheme.js`, { "accept-encoding": "br, gzip" });
    expect(unhashed.status).toBe(200);
    expect(unhashed.headers["cache-control"]).toBe("no-cache");
    const missing = await get(`${stack.api.url}/assets/index-Old00000.js`, { "accept-encoding": "br, gzip" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).not.toMatch(/html/);
  });

  it("leaves the API's own answers alone", async () => {
    const health = await get(`${stack.api.url}/healthz`, { "accept-encoding": "br, gzip" });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: "ok" });
  });
});
