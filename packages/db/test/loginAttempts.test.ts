import { expect, it } from "vitest";
import * as loginAttempts from "../src/loginAttempts.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { unique } from "./fixtures.ts";

const minute = 60_000;
const windowMs = 15 * minute;
const t0 = new Date("2030-07-01T09:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);

describeEachDriver("login attempts", ({ db }) => {
  it("builds keys per account (case-insensitive) and per address", () => {
    expect(loginAttemptKey("Ops@Demo.TEST ")).toBe("email:ops@demo.test");
    expect(loginAttempts.loginAttemptKey.ip("203.0.113.5")).toBe("ip:203.0.113.5");
  });

  it("counts failures per key within the window and reports the oldest", async () => {
    const account = loginAttemptKey(`${unique("a")}@example.test`);
    const address = loginAttempts.loginAttemptKey.ip(unique("ip"));
    await loginAttempts.recordFailure(db(), [account, address], at(0));
    await loginAttempts.recordFailure(db(), [account], at(5));
    await loginAttempts.recordFailure(db(), [account, address], at(10));
    expect(await loginAttempts.countRecent(db(), account, { windowMs, now: at(11) })).toEqual({
      count: 3,
      oldestAt: at(0),
    });
    expect(await loginAttempts.countRecent(db(), address, { windowMs, now: at(11) })).toEqual({
      count: 2,
      oldestAt: at(0),
    });
    // at minute 16 the first failure has left the 15-minute window
    expect(await loginAttempts.countRecent(db(), account, { windowMs, now: at(16) })).toEqual({
      count: 2,
      oldestAt: at(5),
    });
    expect(await loginAttempts.countRecent(db(), unique("email:nobody"), { windowMs, now: at(16) })).toEqual({
      count: 0,
      oldestAt: null,
    });
  });

  it("says when a throttled key may try again", async () => {
    const key = loginAttemptKey(`${unique("b")}@example.test`);
    for (const minutes of [0, 1, 2, 3]) await loginAttempts.recordFailure(db(), [key], at(minutes));
    expect(await loginAttempts.blockedUntil(db(), key, { windowMs, max: 5, now: at(4) })).toBeNull();
    // 4 failures, at most 3 allowed: blocked until the 2nd oldest (minute 1) leaves the window
    expect(await loginAttempts.blockedUntil(db(), key, { windowMs, max: 3, now: at(4) })).toEqual(at(16));
    expect(await loginAttempts.blockedUntil(db(), key, { windowMs, max: 3, now: at(16) })).toBeNull();
  });

  it("clears a key after a successful sign-in, leaving other keys alone", async () => {
    const account = loginAttemptKey(`${unique("c")}@example.test`);
    const address = loginAttempts.loginAttemptKey.ip(unique("ip"));
    await loginAttempts.recordFailure(db(), [account, address], at(0));
    await loginAttempts.clear(db(), account);
    expect((await loginAttempts.countRecent(db(), account, { windowMs, now: at(1) })).count).toBe(0);
    expect((await loginAttempts.countRecent(db(), address, { windowMs, now: at(1) })).count).toBe(1);
  });

  it("purges attempts older than a date", async () => {
    const key = loginAttemptKey(`${unique("d")}@example.test`);
    await loginAttempts.recordFailure(db(), [key], new Date("2001-01-01T00:00:00.000Z"));
    await loginAttempts.recordFailure(db(), [key], at(0));
    expect(await loginAttempts.purge(db(), new Date("2002-01-01T00:00:00.000Z"))).toBe(1);
    expect(
      (await loginAttempts.countRecent(db(), key, { windowMs: 100 * 365 * 24 * 60 * minute, now: at(1) })).count,
    ).toBe(1);
  });
});

function loginAttemptKey(email: string): string {
  return loginAttempts.loginAttemptKey.email(email);
}
