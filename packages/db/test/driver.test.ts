import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "../src/driver.ts";
import { describeEachDriver } from "./describeEachDriver.ts";

describe("openDb", () => {
  it("names host:port of an unreachable DATABASE_URL, never its password", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const error = await openDb({ databaseUrl: "postgres://backoffice:s3cret-Pa55@127.0.0.1:1/backoffice" }).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toMatch(/^cannot reach PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\): .*ECONNREFUSED/);
    expect(error?.message).not.toContain("s3cret-Pa55");
  });

  it("refuses a malformed DATABASE_URL without echoing it", async () => {
    await expect(openDb({ databaseUrl: "not a url with s3cret-Pa55" })).rejects.toThrow(
      /^DATABASE_URL is not a valid URL/,
    );
    await expect(openDb({ databaseUrl: "mysql://u:s3cret-Pa55@db:3306/x" })).rejects.toThrow(
      "DATABASE_URL must start with postgres:// or postgresql://, not mysql://",
    );
  });

  it("needs a driver choice", async () => {
    await expect(openDb({})).rejects.toThrow(/databaseUrl \(DATABASE_URL\), dataDir \(DATA_DIR\) or memory/);
  });

  it("keeps PGlite data under dataDir, creating the directory, across reopening", async () => {
    const parent = await mkdtemp(join(tmpdir(), "vbo-db-"));
    const dataDir = join(parent, "nested", "data");
    try {
      const db = await openDb({ dataDir });
      expect(db.kind).toBe("pglite");
      expect(existsSync(dataDir)).toBe(true);
      await db.exec("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);");
      await db.close();
      const reopened = await openDb({ dataDir });
      expect((await reopened.query<{ n: number }>("SELECT n FROM kept")).rows).toEqual([{ n: 42 }]);
      await reopened.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 60_000);
});

describeEachDriver("driver", ({ kind, db }) => {
  it("reports its kind", () => {
    expect(db().kind).toBe(kind);
  });

  it("passes $1 parameters and returns rows", async () => {
    const { rows } = await db().query<{ sum: number; word: string }>("SELECT $1::int + 1 AS sum, $2::text AS word", [
      41,
      "hello",
    ]);
    expect(rows).toEqual([{ sum: 42, word: "hello" }]);
  });

  it("commits a transaction that returns, and rolls back one that throws", async () => {
    await db().exec("CREATE TABLE IF NOT EXISTS tx_probe (n int)");
    await db().transaction(async (tx) => {
      await tx.query("INSERT INTO tx_probe VALUES ($1)", [1]);
    });
    await expect(
      db().transaction(async (tx) => {
        await tx.query("INSERT INTO tx_probe VALUES ($1)", [2]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const { rows } = await db().query<{ n: number }>("SELECT n FROM tx_probe ORDER BY n");
    expect(rows).toEqual([{ n: 1 }]);
  });
});
