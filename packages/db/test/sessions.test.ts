import { expect, it } from "vitest";
import * as sessions from "../src/sessions.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser } from "./fixtures.ts";

const minute = 60_000;
const idleMs = 30 * minute;
const absoluteTtlMs = 12 * 60 * minute;
const start = new Date("2030-01-01T08:00:00.000Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * minute);

describeEachDriver("sessions", ({ db }) => {
  async function signIn() {
    const user = await newUser(db(), "manager");
    const { token, session } = await sessions.create(db(), user.id, {
      ip: "198.51.100.7",
      userAgent: "Firefox",
      absoluteTtlMs,
      now: start,
    });
    return { user, token, session };
  }

  it("stores only the token's SHA-256, never the token", async () => {
    const { token, session } = await signIn();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.id).toBe(sessions.sessionIdOf(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const { rows } = await db().query<Record<string, unknown>>("SELECT * FROM session WHERE id = $1", [session.id]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]).toMatchObject({ ip: "198.51.100.7", user_agent: "Firefox" });
  });

  it("returns the user for a valid token", async () => {
    const { user, token, session } = await signIn();
    const found = await sessions.validate(db(), token, { idleMs, now: at(1) });
    expect(found?.user).toEqual(user);
    expect(found?.session).toMatchObject({ id: session.id, userId: user.id, expiresAt: at(12 * 60) });
  });

  it("refuses an unknown or empty token", async () => {
    await signIn();
    expect(await sessions.validate(db(), "not-a-token", { idleMs, now: at(1) })).toBeNull();
    expect(await sessions.validate(db(), "", { idleMs, now: at(1) })).toBeNull();
  });

  it("expires after idleMs without activity", async () => {
    const { token } = await signIn();
    expect(await sessions.validate(db(), token, { idleMs, now: at(29) })).not.toBeNull();
    // seen at minute 29: idle until 59
    expect(await sessions.validate(db(), token, { idleMs, now: at(58) })).not.toBeNull();
    // seen at 58; 30 minutes later it has been idle too long
    expect(await sessions.validate(db(), token, { idleMs, now: at(88) })).toBeNull();
  });

  it("writes last_seen_at only when older than touchAfterMs", async () => {
    const { token, session } = await signIn();
    await sessions.validate(db(), token, { idleMs, now: at(0.5), touchAfterMs: minute });
    const lastSeen = async () =>
      (await db().query<{ t: Date }>("SELECT last_seen_at AS t FROM session WHERE id = $1", [session.id])).rows[0]?.t;
    expect(await lastSeen()).toEqual(start);
    await sessions.validate(db(), token, { idleMs, now: at(2), touchAfterMs: minute });
    expect(await lastSeen()).toEqual(at(2));
  });

  it("expires at the absolute limit however active the user is", async () => {
    const { token } = await signIn();
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await sessions.validate(db(), token, { idleMs, now: at(minutes) })).not.toBeNull();
    }
    expect(await sessions.validate(db(), token, { idleMs, now: at(12 * 60) })).toBeNull();
  });

  it("revokes one session", async () => {
    const { token } = await signIn();
    const other = await signIn();
    expect(await sessions.revoke(db(), token)).toBe(true);
    expect(await sessions.revoke(db(), token)).toBe(false);
    expect(await sessions.validate(db(), token, { idleMs, now: at(1) })).toBeNull();
    expect(await sessions.validate(db(), other.token, { idleMs, now: at(1) })).not.toBeNull();
  });

  it("revokes every session of a user", async () => {
    const { user, token } = await signIn();
    const second = await sessions.create(db(), user.id, { ip: null, userAgent: null, absoluteTtlMs, now: start });
    expect(await sessions.revokeAllForUser(db(), user.id)).toBe(2);
    expect(await sessions.validate(db(), token, { idleMs, now: at(1) })).toBeNull();
    expect(await sessions.validate(db(), second.token, { idleMs, now: at(1) })).toBeNull();
    expect(await sessions.revokeAllForUser(db(), user.id)).toBe(0);
  });

  it("purges sessions past their absolute expiry", async () => {
    const { session } = await signIn();
    expect(await sessions.purge(db(), at(12 * 60 + 1))).toBeGreaterThanOrEqual(1);
    const { rows } = await db().query("SELECT id FROM session WHERE id = $1", [session.id]);
    expect(rows).toEqual([]);
  });
});
