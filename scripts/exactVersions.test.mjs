// `node --test scripts/`: every dependency in every package.json is an exact version (or a workspace package), so
// what a fresh clone installs is what the lockfile and the cache were computed for.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

const repo = path.resolve(import.meta.dirname, "..");
const manifests = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*package.json"], {
  cwd: repo,
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => file.endsWith("package.json"));

test("no version range in any package.json", () => {
  assert.ok(manifests.length >= 8, `found only ${manifests.length} package.json files`);
  const ranges = [];
  for (const file of manifests) {
    const manifest = JSON.parse(readFileSync(path.join(repo, file), "utf8"));
    for (const section of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
      for (const [name, version] of Object.entries(manifest[section] ?? {})) {
        if (version === "workspace:*" || /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) continue;
        ranges.push(`${file} ${section} ${name}@${version}`);
      }
    }
  }
  assert.deepEqual(ranges, []);
});
