import path from "node:path";
import { startSandbox } from "@vbo/sandbox";
import { startApi } from "./src/server.ts";
import pino from "pino";
import { chromium } from "/work/wt-tx-liability/e2e/node_modules/playwright-core/index.mjs";

const auth = { userId: "u", apiKey: "k-0123456789" };
const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", seed: 1, authentications: 5000, ...auth });
const api = await startApi({
  port: 0, host: "127.0.0.1", verifone: { baseUrl: sandbox.url, ...auth, timeoutMs: 5000 }, upstream: "sandbox",
  database: { memory: true }, log: pino({ level: "silent" }), webDist: path.resolve("../web/dist"),
});
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const pages = (process.argv[2] ?? "").split(",").filter(Boolean);
for (const scheme of ["light", "dark"]) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: api.url, colorScheme: scheme as "light" });
  await ctx.addInitScript((s) => localStorage.setItem("mantine-color-scheme-value", s), scheme);
  const page = await ctx.newPage();
  await page.request.post("/trpc/auth.login", { data: { email: "support@demo.test", password: "demo-password-1" }, headers: { origin: api.url } });
  for (const [i, p] of pages.entries()) {
    let target = p;
    if (p === "refund") {
      const r = await page.request.get(`/trpc/transactions.list?input=${encodeURIComponent(JSON.stringify({ filters: [{ field: "transaction_type", op: "eq", value: "REFUND" }], limit: 1 }))}`);
      target = `/transactions/${(await r.json()).result.data.items[0].id}`;
    }
    if (p === "refunded") {
      const r = await page.request.get(`/trpc/transactions.list?input=${encodeURIComponent(JSON.stringify({ filters: [{ field: "transaction_status", op: "eq", value: "PARTIALLY_REFUNDED" }], limit: 1 }))}`);
      target = `/transactions/${(await r.json()).result.data.items[0].id}`;
    }
    await page.goto(target);
    await page.waitForTimeout(4000);
    await page.screenshot({ path: `/tmp/txshots/${i}-${scheme}.png` });
  }
  await ctx.close();
}
await browser.close();
await api.close();
await sandbox.close();
