import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { signIn } from "./session.ts";

const repoRoot = path.resolve(import.meta.dirname, "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Where the embedded sandbox's seeded history ends in every e2e run. */
export const sandboxNow = "2026-11-15T00:00:00.000Z";

export type Product = { url: string; sandboxUrl: string; stop(): Promise<void>; output(): string };

/**
 * Starts the product the way `pnpm start` does (the compiled API with `node`, the built dashboard, the embedded
 * sandbox), on free ports.
 */
export async function startProduct(extraEnv: Record<string, string> = {}): Promise<Product> {
  const apiMain = path.join(repoRoot, "apps/api/dist/main.js");
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run \`pnpm test:e2e\` (it builds the API first)`);
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "vbo-e2e-"));
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", apiMain], {
    cwd: path.join(repoRoot, "apps/api"),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      SANDBOX_PORT: String(sandboxPort),
      // The seeded history ends here, whatever the day the suite runs (tests rely on its records).
      SANDBOX_NOW: sandboxNow,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited early:\n${log}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the product did not start within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

export type ProductInBrowser = {
  /** The running product (after `beforeAll`). */
  readonly product: Product;
  /**
   * A page in a fresh browser context (no session cookie; relative URLs go to the product), closed after the test.
   * The viewport is 1400×900 unless `options` say otherwise.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh page signed in as `email` through the login page, landed on `next`. */
  signedIn(email: string, next?: string, options?: BrowserContextOptions): Promise<Page>;
};

/**
 * The product and a headless browser for one test file: both started before its tests and stopped after them; every
 * context a test opens is closed when it ends, so each test starts signed out.
 */
export function productInBrowser(extraEnv: Record<string, string> = {}): ProductInBrowser {
  let product: Product | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    product = await startProduct(extraEnv);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
  });
  const started = () => {
    if (!product || !browser) throw new Error("the product and the browser start in beforeAll");
    return { product, browser };
  };
  const newPage = async (options: BrowserContextOptions = {}) => {
    const { product, browser } = started();
    const context = await browser.newContext({
      baseURL: product.url,
      viewport: { width: 1400, height: 900 },
      ...options,
    });
    contexts.push(context);
    return context.newPage();
  };
  return {
    get product() {
      return started().product;
    },
    newPage,
    async signedIn(email, next, options) {
      const page = await newPage(options);
      await signIn(page, started().product.url, email, next);
      return page;
    },
  };
}
