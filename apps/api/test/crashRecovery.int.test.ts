import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "@vbo/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword, sandboxAuth } from "./harness.ts";

// The API's per-attempt upstream timeout here; an unfinished money move older than that is resumed.
const timeoutMs = 2_000;

type Running = { url: string; child: ChildProcess };

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let dataDir: string;
const children: ChildProcess[] = [];

async function startApiProcess(): Promise<Running> {
  const settings = { sandboxUrl: sandbox.url, ...sandboxAuth, dataDir, timeoutMs };
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "fixtures/apiProcess.ts"), JSON.stringify(settings)],
    { cwd: path.join(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      output += d;
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    child.once("exit", (code) => reject(new Error(`the API exited (${code}) before listening:\n${output}`)));
  });
  return { url, child };
}

async function killHard(api: Running) {
  const exited = new Promise((resolve) => api.child.once("exit", resolve));
  api.child.kill("SIGKILL");
  await exited;
}

type Session = { url: string; cookie: string };

async function signIn(url: string, email: string): Promise<Session> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return { url, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
}

async function query<T>(s: Session, procedure: string, input: unknown): Promise<T> {
  const qs = `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${s.url}/trpc/${procedure}${qs}`, { headers: { cookie: s.cookie } });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${procedure}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

function refund(s: Session, input: unknown) {
  return fetch(`${s.url}/trpc/transactions.refund`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: s.url, cookie: s.cookie },
    body: JSON.stringify(input),
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: "127.0.0.1", seed: 7, authentications: 100, ...sandboxAuth });
  dataDir = mkdtempSync(path.join(tmpdir(), "vbo-crash-"));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Tx = { id: string; transaction_type: string; parent_id?: string; actions: { refundable: number } };

describe("a money move survives the API being killed mid-call", () => {
  it("kill -9 during a refund, restart, retry with the same key: one refund and a success audit event", async () => {
    const first = await startApiProcess();
    const support = await signIn(first.url, "support@demo.test");
    const { items } = await query<{ items: Tx[] }>(support, "transactions.list", {
      filters: [
        { field: "transaction_type", op: "eq", value: "SALE" },
        { field: "transaction_status", op: "eq", value: "SETTLED" },
      ],
      limit: 100,
    });
    const sale = items.find((t) => t.actions.refundable >= 1000);
    if (!sale) throw new Error("no refundable sale in the seed");

    // Verifone takes its time over this refund: the API dies while waiting for the answer.
    const fault = {
      method: "POST",
      path: `/oidc/api/v2/transactions/${sale.id}/refund`,
      mode: "delay",
      delayMs: 1_200,
    };
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify(fault),
      headers: { "content-type": "application/json" },
    });
    const move = { id: sale.id, amount: 500, reason: "crash test", idempotencyKey: randomUUID() };
    const lost = refund(support, move).catch(() => null);
    await new Promise((r) => setTimeout(r, 500));
    await killHard(first);
    expect(await lost).toBeNull(); // the browser never got an answer

    const second = await startApiProcess();
    const again = await signIn(second.url, "support@demo.test");
    const retry = await refund(again, move);
    const body = (await retry.json()) as { result?: { data: Tx }; error?: { message: string } };
    expect(body.error?.message).toBeUndefined();
    expect(retry.status).toBe(200);
    expect(body.result?.data.transaction_type).toBe("REFUND");

    const detail = await query<{ children: Tx[] }>(again, "transactions.get", { id: sale.id });
    expect(detail.children.filter((c) => c.transaction_type === "REFUND")).toHaveLength(1);

    const manager = await signIn(second.url, "manager@demo.test");
    const trail = await query<{ items: { outcome: string }[] }>(manager, "audit.list", {
      action: "transactions.refund",
      target: sale.id,
    });
    expect(trail.items.map((e) => e.outcome)).toContain("success");
    await killHard(second);
  }, 120_000); // two API processes start on PGlite, beside the other suites
});
