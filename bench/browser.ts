// `pnpm --filter @vbo/bench browser` (after `pnpm build`; `pnpm bench` runs it too): the pages as people feel them.
// Headless Chromium against the compiled API serving the built dashboard, the sandbox answering after 150 ms
// (SANDBOX_LATENCY_MS) behind a recording proxy. For the Authentications and Analytics pages, cold (empty HTTP cache)
// and warm (same browser profile, reloaded): navigation → first rows / first chart on screen, the API and upstream
// calls made before then, and which of them waited for another to finish.
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { median } from "./load.ts";
import { type Started, startServer, stopAll } from "./processes.ts";

const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 150);
const runs = Number(process.env.BENCH_BROWSER_RUNS ?? 3);
const sandboxNow = "2026-11-15T00:00:00.000Z"; // servers/sandbox.ts's fixed history

/** One HTTP exchange, in epoch ms on this machine's clock (the browser runs here too). */
export type Exchange = { name: string; start: number; end: number; requestId?: string };

/** A proxy in front of the sandbox that records every upstream call the API makes (and its x-request-id). */
function recordingProxy(target: string): Promise<{ url: string; calls: Exchange[]; close(): void }> {
  const calls: Exchange[] = [];
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const start = performance.timeOrigin + performance.now();
    const requestId = req.headers["x-request-id"];
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.once("end", () => {
          const name = `${req.method} ${(req.url ?? "").split("?")[0]}`;
          calls.push({ name, start, end: performance.timeOrigin + performance.now(), requestId: String(requestId) });
        });
      },
    );
    forward.once("error", () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, calls, close: () => server.close() });
    }),
  );
}

export type PageRun = {
  /** navigation start → the marker element on screen, ms */
  ms: number;
  /** Every request before then (document, scripts, API), "name start–end" in ms from navigation start. */
  timeline: string[];
  api: Exchange[];
  upstream: Exchange[];
  /** "B after A": an API call that started only once another had answered. */
  waits: string[];
};

/** The API call names in a tRPC URL: `/trpc/a.b,c.d?batch=1…` → "a.b+c.d". */
function trpcName(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .replace(/^\/trpc\//, "")
    .split(",")
    .join("+");
}

/**
 * Loads `url` in `page` and waits for `selector`; the time is the browser's own (performance.now() when a
 * MutationObserver first sees the element, from navigation start).
 */
async function measure(page: Page, url: string, selector: string, upstreamCalls: Exchange[]): Promise<PageRun> {
  const api: Exchange[] = [];
  const everything: Exchange[] = [];
  const ids = new Map<string, string>();
  const onFinished = async (request: import("playwright-core").Request) => {
    const timing = request.timing();
    const { pathname } = new URL(request.url());
    const end = timing.startTime + Math.max(0, timing.responseEnd); // -1 when answered from the cache
    everything.push({ name: pathname, start: timing.startTime, end });
    if (!request.url().includes("/trpc/")) return;
    const response = await request.response();
    const id = response ? await response.headerValue("x-request-id") : null;
    const name = trpcName(request.url());
    if (id) ids.set(id, name);
    api.push({ name, start: timing.startTime, end, requestId: id ?? undefined });
  };
  page.on("requestfinished", onFinished);
  const upstreamBefore = upstreamCalls.length;
  await page.goto(url, { waitUntil: "commit" });
  // In the page, as a string (tsx would wrap a function's inner functions in a helper the page does not have): the
  // first moment `selector` matches, in ms from navigation start.
  const { ms, origin } = await page.evaluate<{ ms: number; origin: number }>(`new Promise((resolve) => {
    const sel = ${JSON.stringify(selector)};
    const done = () => resolve({ ms: performance.now(), origin: performance.timeOrigin });
    if (document.querySelector(sel)) return done();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(sel)) return;
      observer.disconnect();
      done();
    });
    observer.observe(document, { childList: true, subtree: true });
  })`);
  await page.waitForLoadState("networkidle");
  page.off("requestfinished", onFinished);
  const shownAt = origin + ms;
  const critical = api.filter((a) => a.start <= shownAt).sort((a, b) => a.start - b.start);
  // Upstream calls made for this page's API calls (by request id), started before the element showed.
  const upstream = upstreamCalls
    .slice(upstreamBefore)
    .filter((u) => u.start <= shownAt && u.requestId !== undefined && ids.has(u.requestId))
    .map((u) => ({ ...u, name: `${u.name} (for ${ids.get(u.requestId ?? "")})` }));
  const waits: string[] = [];
  for (const b of critical) {
    const waitedFor = critical.filter((a) => a !== b && a.end <= b.start);
    const last = waitedFor.sort((x, y) => y.end - x.end)[0];
    if (last) waits.push(`${b.name} after ${last.name} (+${Math.round(b.start - last.end)} ms)`);
  }
  const at = (t: number) => Math.round(t - origin);
  const timeline = everything
    .filter((e) => e.start <= shownAt)
    .sort((a, b) => a.start - b.start)
    .map((e) => `${e.name.startsWith("/trpc/") ? trpcName(`http://x${e.name}`) : e.name} ${at(e.start)}–${at(e.end)}`);
  return { ms, timeline, api: critical, upstream, waits };
}

/** Round trips one after another: the longest chain of calls in which each started after the previous answered. */
export function rounds(exchanges: Exchange[]): number {
  const sorted = [...exchanges].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((b, i) => {
    const before = sorted.slice(0, i).filter((a) => a.end <= b.start);
    depth.push(1 + Math.max(0, ...before.map((a) => depth[sorted.indexOf(a)] ?? 0)));
  });
  return Math.max(0, ...depth);
}

async function signedInState(browser: Browser, baseUrl: string, email: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent("/authentications")}`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill("demo-password-1");
  await page.getByTestId("login-submit").click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  const state = await context.storageState();
  await context.close();
  return state;
}

export type BrowserResult = {
  page: string;
  cache: "cold" | "warm";
  ms: number;
  apiCalls: number;
  apiRounds: number;
  upstreamCalls: number;
  upstreamRounds: number;
  waits: string[];
  apiNames: string[];
  timeline: string[];
};

export async function browserBench(): Promise<{ results: BrowserResult[]; loadAtStart: number; loadAtEnd: number }> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const started: Started[] = [];
  const sandbox = await startServer("sandbox.ts", [String(latencyMs), "20000"]);
  started.push(sandbox);
  const proxy = await recordingProxy(sandbox.url);
  const api = await startServer("api.mjs", [proxy.url], {
    BENCH_WEB_DIST: path.resolve(import.meta.dirname, "../apps/web/dist"),
    BENCH_SANDBOX_NOW: sandboxNow,
    BENCH_LOG_LEVEL: "warn",
  });
  started.push(api);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const state = await signedInState(browser, api.url, "manager@demo.test");
    // The analytics store back-fills from the sandbox at start-up: wait until its first sync is done.
    for (let i = 0; i < 600; i++) {
      const res = await fetch(`${api.url}/trpc/analytics.status`, {
        headers: { cookie: state.cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
      });
      const body = (await res.json().catch(() => ({}))) as { result?: { data?: { backfill?: { done: boolean } } } };
      if (body.result?.data?.backfill?.done) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const pages = [
      { page: "Authentications", url: "/authentications", selector: '[data-testid="auth-row"]' },
      { page: "Analytics", url: "/analytics", selector: '[data-testid="chart-over-time"] svg' },
    ];
    const all: Record<string, PageRun[]> = {};
    for (let i = 0; i < runs; i++) {
      for (const p of pages) {
        // A fresh context is a fresh HTTP cache: cold. The second load in it is warm (hashed assets are immutable).
        const context = await browser.newContext({ baseURL: api.url, storageState: state });
        const page = await context.newPage();
        for (const cache of ["cold", "warm"] as const) {
          const run = await measure(page, p.url, p.selector, proxy.calls);
          const key = `${p.page}|${cache}`;
          all[key] = [...(all[key] ?? []), run];
          console.log(
            `${p.page} ${cache}: ${run.ms.toFixed(0)} ms, API ${run.api.map((a) => a.name).join(" | ")}; ` +
              `upstream ${run.upstream.length}; waits: ${run.waits.join("; ") || "none"}`,
          );
        }
        await context.close();
      }
    }
    const results: BrowserResult[] = Object.entries(all).map(([key, list]) => {
      const [page = "", cache = "cold"] = key.split("|");
      const typical = [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)] ?? list[0];
      return {
        page,
        cache: cache as "cold" | "warm",
        ms: median(list.map((r) => r.ms)),
        apiCalls: typical?.api.length ?? 0,
        apiRounds: rounds(typical?.api ?? []),
        upstreamCalls: typical?.upstream.length ?? 0,
        upstreamRounds: rounds(typical?.upstream ?? []),
        waits: typical?.waits ?? [],
        apiNames: typical?.api.map((a) => a.name) ?? [],
        timeline: typical?.timeline ?? [],
      };
    });
    return { results, loadAtStart, loadAtEnd: os.loadavg()[0] ?? 0 };
  } finally {
    await browser.close();
    proxy.close();
    stopAll(started);
  }
}

/** The RESULTS.md section of a run. */
export function browserSection(run: Awaited<ReturnType<typeof browserBench>>): string {
  const row = (r: BrowserResult) =>
    `| ${r.page} | ${r.cache} | **${r.ms.toFixed(0)}** | ${r.apiCalls} (${r.apiRounds} in series) | ` +
    `${r.upstreamCalls} (${r.upstreamRounds} in series) | ${r.waits.join("; ") || "none"} |`;
  const timelines = run.results.map((r) => `- ${r.page}, ${r.cache}: ${r.timeline.join(", ")}`).join("\n");
  return `${browserMarker}

Written by \`pnpm --filter @vbo/bench browser\` (also the last step of \`pnpm bench\`) on ${new Date().toISOString().slice(0, 10)}: headless
Chromium, the compiled API serving the built dashboard, the sandbox (20,000 authentications) answering after
${latencyMs} ms behind a proxy that records every upstream call, signed in as the manager. Cold: a new browser context
(empty HTTP cache); warm: the same context loading the page again (hashed assets from the cache; the data is fetched
again). Medians of ${runs} loads each; the counts are of the median load. Load average ${run.loadAtStart.toFixed(1)} at
the start, ${run.loadAtEnd.toFixed(1)} at the end (2 cores, shared).

| page | cache | navigation → first rows / first chart, ms | API requests before it | upstream calls before it | requests that waited for another |
|---|---|---|---|---|---|
${run.results.map(row).join("\n")}

A tRPC request carrying several procedures (\`a+b\`) is one HTTP request (httpBatchLink). Requests in ms from
navigation start (the median load):

${timelines}
`;
}

const browserMarker = "## The pages as people feel them (headless Chromium)";

/** Puts `section` in place of the one starting with `marker` (up to the next "## "), or at the end. */
export function replaceSection(md: string, marker: string, section: string): string {
  const at = md.indexOf(marker);
  if (at < 0) return `${md.trimEnd()}\n\n${section}`;
  const next = md.indexOf("\n## ", at + marker.length);
  return `${md.slice(0, at)}${section.trimEnd()}\n${next < 0 ? "" : md.slice(next)}`;
}

if (import.meta.filename === process.argv[1]) {
  const run = await browserBench();
  console.log(JSON.stringify(run, null, 2));
  const file = path.join(import.meta.dirname, "RESULTS.md");
  writeFileSync(file, replaceSection(readFileSync(file, "utf8"), browserMarker, browserSection(run)));
  process.exit(0);
}
