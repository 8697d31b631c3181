import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress } from "./precompress.ts";

describe("precompress (vite build plugin)", () => {
  let root: string;
  const out = (file: string) => path.join(root, "dist", file);
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "vbo-precompress-"));
    mkdirSync(path.join(root, "public"));
    writeFileSync(path.join(root, "public/tiny.txt"), "small");
    writeFileSync(
      path.join(root, "main.js"),
      `export const rows = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ i, eci: "05" })))};\nconsole.log(rows);\n`,
    );
    writeFileSync(path.join(root, "index.html"), '<!doctype html><script type="module" src="/main.js"></script>');
    await build({ root, logLevel: "silent", configFile: false, plugins: [precompress()], build: { outDir: "dist" } });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes a .br and a .gz that decode to each compressible file of the build", () => {
    const js = readdirSync(out("assets")).find((f) => f.endsWith(".js"));
    expect(js).toBeDefined();
    const original = readFileSync(out(`assets/${js}`));
    const br = readFileSync(out(`assets/${js}.br`));
    const gz = readFileSync(out(`assets/${js}.gz`));
    expect(br.length).toBeLessThan(original.length / 4);
    expect(gz.length).toBeLessThan(original.length / 4);
    expect(brotliDecompressSync(br).equals(original)).toBe(true);
    expect(gunzipSync(gz).equals(original)).toBe(true);
  });

  it("leaves files under 1 KB alone", () => {
    const files = readdirSync(path.join(root, "dist"));
    expect(files).toContain("tiny.txt");
    expect(files).not.toContain("tiny.txt.br");
    expect(files).not.toContain("tiny.txt.gz");
  });
});
