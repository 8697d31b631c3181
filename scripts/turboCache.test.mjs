// `node --test scripts/`: Turborepo's cache must never report green for a tree that does not compile. In a scratch
// copy of the repository, a change to a packages/domain type must change the typecheck and build hashes of every
// package that depends on it (and of no other); tsconfig.base.json and the lockfile must change every hash.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";

const repo = path.resolve(import.meta.dirname, "..");
const turbo = path.join(repo, "node_modules/.bin/turbo");
let scratch = "";

before(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "vbo-turbo-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repo,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    try {
      cpSync(path.join(repo, file), path.join(scratch, file));
    } catch (err) {
      if (err.code !== "ENOENT") throw err; // deleted in the work tree, not yet committed
    }
  }
  execFileSync("git", ["init", "-q"], { cwd: scratch });
  execFileSync("git", ["add", "-A"], { cwd: scratch });
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "scratch"], { cwd: scratch });
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** task id → hash of every task that runs a script, as `turbo run typecheck build --dry=json` plans them. */
function hashes() {
  const out = execFileSync(turbo, ["run", "typecheck", "build", "--dry=json"], {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
  const tasks = JSON.parse(out).tasks.filter((t) => t.command !== "<NONEXISTENT>");
  return Object.fromEntries(tasks.map((t) => [t.taskId, t.hash]));
}

function changed(before, after) {
  return Object.keys(before)
    .filter((id) => before[id] !== after[id])
    .sort();
}

test("a packages/domain type change invalidates the typecheck and build of every dependant, and only those", () => {
  const before = hashes();
  appendFileSync(
    path.join(scratch, "packages/domain/src/money.ts"),
    "\nexport type TurboCacheProbe = { probe: true };\n",
  );
  const after = hashes();
  assert.deepEqual(changed(before, after), [
    "@vbo/api#build",
    "@vbo/api#typecheck",
    "@vbo/bench#typecheck",
    "@vbo/domain#typecheck",
    "@vbo/e2e#typecheck",
    "@vbo/verifone#typecheck",
    "@vbo/web#build",
    "@vbo/web#typecheck",
  ]);
});

test("tsconfig.base.json and the lockfile are global: a change to either invalidates every task", () => {
  for (const file of ["tsconfig.base.json", "pnpm-lock.yaml"]) {
    const before = hashes();
    appendFileSync(path.join(scratch, file), "\n");
    const after = hashes();
    assert.deepEqual(changed(before, after), Object.keys(before).sort(), file);
  }
});
