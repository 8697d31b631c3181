import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

const apiDir = path.resolve(import.meta.dirname, "..");

/** Runs `pnpm start`'s entry point with the given settings; resolves with its exit code and output. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: apiDir,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("start-up", () => {
  it("an unreachable database stops the API with a message naming its host, not a stack trace", async () => {
    const { code, output } = await runMain({
      PORT: "0",
      SANDBOX_PORT: "0",
      DATABASE_URL: "postgres://backoffice:s3cret-password@127.0.0.1:1/backoffice",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/127\.0\.0\.1:1/);
    expect(output).toMatch(/DATABASE_URL/);
    expect(output).not.toMatch(/s3cret-password/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("a partial Verifone configuration stops the API naming the missing settings", async () => {
    const { code, output } = await runMain({ PORT: "0", VERIFONE_REGION: "emea" });
    expect(code).toBe(1);
    expect(output).toMatch(/VERIFONE_USER_ID/);
    expect(output).toMatch(/VERIFONE_API_KEY/);
  });
});

describe("health", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ authentications: 10 });
  });
  afterAll(() => stack?.close().catch(() => {}));

  it("reports the upstream and the database, then 503 naming the database when it is gone", async () => {
    const ok = await fetch(`${stack.api.url}/healthz`);
    expect(await ok.json()).toEqual({
      status: "ok",
      upstream: "sandbox",
      db: "pglite",
      analytics: { syncedThrough: null, lagSeconds: null },
    });
    await stack.api.db.close();
    const down = await fetch(`${stack.api.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "error", failing: "db" });
  });
});
