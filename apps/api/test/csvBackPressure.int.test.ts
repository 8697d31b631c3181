import diagnostics from "node:diagnostics_channel";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

// 30,000 authentications = 15 full Verifone pages of 2,000 (~17 MB of CSV): far more than the kernel's socket
// buffers hold for a client that reads nothing (its receive window stays small; the send buffer grows to ≤ 4 MB).
const total = 30_000;
const pageSize = 2000;

let stack: Stack;
/** Upstream list pages the API has asked the sandbox for, seen on undici's diagnostics channel (this process). */
let pagesAsked = 0;
const onRequest = (message: unknown) => {
  const { request } = message as { request: { origin?: string | URL; path: string } };
  if (String(request.origin) === stack?.sandbox.url && request.path.startsWith("/oidc/3ds-service/v2/3d?"))
    pagesAsked++;
};

beforeAll(async () => {
  stack = await startStack({ authentications: total });
  diagnostics.subscribe("undici:request:create", onRequest);
});
afterAll(async () => {
  diagnostics.unsubscribe("undici:request:create", onRequest);
  await stack?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `read()` has not changed for `quietMs` (or `maxMs` passed); returns its last value. */
async function settled(read: () => number, quietMs: number, maxMs: number): Promise<number> {
  const start = Date.now();
  let last = read();
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await sleep(50);
    const now = read();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs) break;
  }
  return last;
}

describe("CSV export back-pressure", () => {
  it("fetches the next upstream page only as the client reads: a client that stops reading stops the export", async () => {
    const url = new URL(`${stack.api.url}/export/authentications.csv?input=${encodeURIComponent("{}")}`);
    // node:http, not fetch: the response is left paused (nobody reads it), so the socket stops being read too.
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(url, { headers: { cookie: stack.cookie ?? "" } }, resolve).once("error", reject),
    );
    expect(res.statusCode).toBe(200);

    const whilePaused = await settled(() => pagesAsked, 1000, 10_000);
    // What sits in buffers (the client's stream, both sockets' kernel buffers, the API's last write) is a few MB:
    // a handful of 1.1 MB pages, never the whole export.
    expect(whilePaused).toBeGreaterThanOrEqual(1);
    expect(whilePaused).toBeLessThanOrEqual(6);
    // And it stays there: nothing more is fetched while the client still does not read.
    await sleep(1000);
    expect(pagesAsked).toBe(whilePaused);

    let lines = 0;
    res.on("data", (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    await new Promise((resolve, reject) => res.once("end", resolve).once("error", reject));
    expect(lines - 1).toBe(total); // the header line, then every authentication
    // 15 full pages, then the empty one that says there is no more.
    expect(pagesAsked).toBe(total / pageSize + 1);
  });
});
