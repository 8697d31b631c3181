import { randomUUID } from "node:crypto";
import { type Db, idempotency, loginAttempts, migrate, openDb, sessions, trustedDevices, users } from "@vbo/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHousekeeping, scheduleHousekeeping } from "../src/housekeeping.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

const day = 24 * 60 * 60_000;

describe.each(testDatabaseKinds)("housekeeping on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = await openDb(database.url ? { databaseUrl: database.url } : { memory: true });
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  async function seed(now: Date) {
    const user = await users.create(db, {
      email: `hk-${randomUUID()}@example.test`,
      name: "Housekeeping",
      role: "support",
      passwordHash: "x",
    });
    const old = new Date(now.getTime() - 10 * day);
    const ttl = { ip: null, userAgent: null, absoluteTtlMs: 60_000 };
    await sessions.create(db, user.id, { ...ttl, now: old });
    const live = await sessions.create(db, user.id, { ...ttl, absoluteTtlMs: day, now });
    for (const [key, at] of [
      [randomUUID(), old],
      [randomUUID(), now],
    ] as const) {
      await idempotency.begin(db, {
        key,
        actorId: user.id,
        action: "transactions.refund",
        target: "t",
        requestHash: "h",
      });
      await db.query("UPDATE idempotency_record SET created_at = $2 WHERE key = $1", [key, at]);
    }
    await loginAttempts.recordFailure(db, ["email:old@example.test"], old);
    await loginAttempts.recordFailure(db, ["email:new@example.test"], now);
    await trustedDevices.create(db, user.id, 60_000, old);
    const device = await trustedDevices.create(db, user.id, day, now);
    return { user, live, device };
  }

  it("purges expired sessions, idempotency records past their window, old sign-in attempts and devices", async () => {
    const now = new Date();
    const { user, live, device } = await seed(now);
    const purged = await runHousekeeping(db, now);
    expect(purged).toMatchObject({ sessions: 1, idempotencyRecords: 1, loginAttempts: 1, trustedDevices: 1 });
    expect(await sessions.validate(db, live.token, { idleMs: day, now })).not.toBeNull();
    expect(await trustedDevices.isTrusted(db, user.id, device, now)).toBe(true);
    expect((await runHousekeeping(db, now)).sessions).toBe(0);
  });

  it("runs on a schedule, first at start-up", async () => {
    await seed(new Date());
    const stop = scheduleHousekeeping(db, pino({ level: "silent" }), 60_000);
    await stop();
    expect(await runHousekeeping(db)).toMatchObject({
      sessions: 0,
      idempotencyRecords: 0,
      loginAttempts: 0,
      trustedDevices: 0,
    });
  });
});
