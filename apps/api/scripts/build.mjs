// `pnpm --filter @vbo/api build [outdir]`: the API as plain JavaScript in dist/, run with `node dist/main.js`.
// Workspace packages (TypeScript sources) are bundled in; every package in `dependencies` stays an import, resolved
// from node_modules at run time (native or large ones: @node-rs/argon2, pg, @electric-sql/pglite, …).
// dist/sandbox.js is its own entry: main.js imports it only when no Verifone settings are given.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith("@vbo/"));

const outdir = path.resolve(root, process.argv[2] ?? "dist");
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    main: "src/main.ts",
    "create-admin": "src/createAdmin.ts",
    sandbox: "src/embeddedSandbox.ts",
    // startApi and createLogger compiled, for bench/ (which measures what production runs).
    index: "src/index.ts",
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external,
  sourcemap: true,
  // Bundled CommonJS (if any) calling require() on Node built-ins needs a real require in an ES module.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  metafile: true,
  logLevel: "warning",
});
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith(".js"));
for (const [file, { bytes }] of outputs) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KB`);
