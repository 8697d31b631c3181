import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const apiDir = path.resolve(import.meta.dirname, "..");
// Inside apps/api/node_modules so the compiled files resolve their dependencies exactly as dist/ does.
const cacheDir = path.join(apiDir, "node_modules/.cache");

/** Runs compiled JavaScript with node (no tsx); resolves with its exit code and output. */
async function runNode(file: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn" };
  try {
    const { stdout, stderr } = await run(process.execPath, [file], { env: { ...base, ...env }, timeout: 30_000 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("the production build (scripts/build.mjs)", () => {
  let outdir: string;
  let files: string[];
  const read = (file: string) => readFileSync(path.join(outdir, file), "utf8");
  beforeAll(async () => {
    mkdirSync(cacheDir, { recursive: true });
    outdir = mkdtempSync(path.join(cacheDir, "build-test-"));
    await run(process.execPath, ["scripts/build.mjs", outdir], { cwd: apiDir });
    files = readdirSync(outdir).filter((f) => f.endsWith(".js"));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("is plain JavaScript that imports only npm dependencies and Node built-ins (workspace packages bundled)", () => {
    expect(files).toEqual(expect.arrayContaining(["main.js", "create-admin.js", "sandbox.js"]));
    const dependencies = Object.keys(JSON.parse(readFileSync(path.join(apiDir, "package.json"), "utf8")).dependencies);
    const imported = new Set<string>();
    for (const file of files) {
      for (const m of read(file).matchAll(/^import\s[^"]*"([^"]+)";?$/gm)) imported.add(m[1] ?? "");
    }
    const bare = [...imported].filter((s) => !s.startsWith("./") && !s.startsWith("node:"));
    expect(bare.length).toBeGreaterThan(0);
    for (const specifier of bare) {
      const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
      expect(dependencies, `dist imports ${specifier}`).toContain(name);
    }
  });

  it("loads PGlite, pg and WebAuthn only when used (a PostgreSQL deployment never holds PGlite in memory)", () => {
    // What main.js loads at start-up: its static imports, followed through the chunks (not `import()`).
    const loaded = new Set<string>();
    const visit = (file: string, seen = new Set<string>()) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of read(file).matchAll(/^import\s[^"]*"([^"]+)";?$/gm)) {
        const specifier = m[1] ?? "";
        if (specifier.startsWith("./")) visit(specifier.slice(2), seen);
        else loaded.add(specifier);
      }
    };
    visit("main.js");
    expect(loaded).toContain("express");
    for (const lazy of ["@electric-sql/pglite", "pg", "@simplewebauthn/server"]) expect(loaded).not.toContain(lazy);
  });

  it("keeps the sandbox out of everything but sandbox.js", () => {
    expect(read("sandbox.js")).toMatch(/apps\/sandbox|\.\.\/sandbox\/src/);
    for (const file of files.filter((f) => f !== "sandbox.js")) {
      expect(read(file), file).not.toMatch(/\.\.\/sandbox\/src\//);
    }
  });

  it("without sandbox.js, a Verifone configuration starts without it (and stops at the unreachable database)", async () => {
    rmSync(path.join(outdir, "sandbox.js"));
    const { code, output } = await runNode(path.join(outdir, "main.js"), {
      PORT: "0",
      VERIFONE_REGION: "emea",
      VERIFONE_USER_ID: "user",
      VERIFONE_API_KEY: "key",
      DATABASE_URL: "postgres://backoffice@127.0.0.1:1/backoffice",
      PUBLIC_URL: "https://bo.example.com",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL/);
    expect(output).not.toMatch(/sandbox/i);
  });

  it("without sandbox.js and without Verifone settings, says what to set", async () => {
    const { code, output } = await runNode(path.join(outdir, "main.js"), { PORT: "0", SANDBOX_PORT: "0" });
    expect(code).toBe(1);
    expect(output).toMatch(/no embedded sandbox/);
    expect(output).toMatch(/VERIFONE_REGION/);
  });
});
