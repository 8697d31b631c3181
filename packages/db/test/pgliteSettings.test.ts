import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "../src/driver.ts";

async function setting(db: Awaited<ReturnType<typeof openDb>>, name: string): Promise<string> {
  const { rows } = await db.query<{ value: string }>(`SELECT current_setting('${name}') AS value`);
  return rows[0]?.value ?? "";
}

describe("embedded PGlite settings", () => {
  it("on disk keeps fsync on (PGlite's default turns it off) and small shared buffers", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "vbo-pglite-"));
    const db = await openDb({ dataDir: dir });
    try {
      expect(await setting(db, "fsync")).toBe("on");
      expect(await setting(db, "shared_buffers")).toBe("16MB");
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("in memory has small shared buffers too", async () => {
    const db = await openDb({ memory: true });
    try {
      expect(await setting(db, "shared_buffers")).toBe("16MB");
    } finally {
      await db.close();
    }
  });
});
