import { expect, it } from "vitest";
import * as loginAttempts from "../src/loginAttempts.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { unique } from "./fixtures.ts";

const minute = 60_000;
const windowMs = 15 * minute;
const t0 = new Date("2030-07-01T09:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);
const { loginAttemptKey } = loginAttempts;

describeEachDriver("login attempts", ({ db, connectAgain }) => {
  it("builds keys per account (case-insensitive), per address and per pair", () => {
    expect(loginAttemptKey.email("Ops@Demo.TEST ")).toBe("email:ops@demo.test");
    expect(loginAttemptKey.ip("203.0.113.5")).toBe("ip:203.0.113.5");
    expect(loginAttemptKey.pair("Ops@Demo.test", "203.0.113.5")).toBe("pair:ops@demo.test|203.0.113.5");
    expect(loginAttemptKey.pair("ops@demo.test", null)).toBe("pair:ops@demo.test|-");
  });

  it("reserves attempts up to the limit, then refuses until the oldest leaves the window", async () => {
    const key = unique("pair");
    const rule = { key, windowMs, max: 3 };
    for (const minutes of [0, 1, 2]) {
      expect((await loginAttempts.reserve(db(), { counts: [rule] }, at(minutes))).ok).toBe(true);
    }
    expect(await loginAttempts.reserve(db(), { counts: [rule] }, at(4))).toEqual({ ok: false, key, retryAt: at(15) });
    // refused attempts are not recorded, so the key frees up as the first one ages out
    expect((await loginAttempts.countRecent(db(), key, { windowMs, now: at(4) })).count).toBe(3);
    expect((await loginAttempts.reserve(db(), { counts: [rule] }, at(15))).ok).toBe(true);
  });

  // The defect: concurrent callers read their clocks before taking the lock; one whose clock read earlier but who got
  // the lock later did not see attempts dated after its own `now`, so 6 of 100 concurrent guesses passed a limit of 5.
  it("counts attempts recorded with a later clock than the caller's (taken the lock first)", async () => {
    const key = unique("pair");
    const rule = { key, windowMs, max: 2 };
    expect((await loginAttempts.reserve(db(), { counts: [rule] }, at(1))).ok).toBe(true);
    expect((await loginAttempts.reserve(db(), { counts: [rule] }, at(1))).ok).toBe(true);
    expect((await loginAttempts.reserve(db(), { counts: [rule] }, at(0))).ok).toBe(false);
    const delay = { key, windowMs, freeAttempts: 2, delayMs: () => minute };
    expect((await loginAttempts.reserve(db(), { counts: [], delays: [delay] }, at(0))).ok).toBe(false);
  });

  it("a released reservation does not count", async () => {
    const key = unique("pair");
    const first = await loginAttempts.reserve(db(), { counts: [{ key, windowMs, max: 1 }] }, at(0));
    if (!first.ok) throw new Error("expected the first reservation to pass");
    await loginAttempts.release(db(), first.ids);
    expect((await loginAttempts.reserve(db(), { counts: [{ key, windowMs, max: 1 }] }, at(1))).ok).toBe(true);
  });

  it("one refused rule records nothing under the other keys", async () => {
    const full = unique("ip");
    const other = unique("pair");
    await loginAttempts.recordFailure(db(), [full], at(0));
    const answer = await loginAttempts.reserve(
      db(),
      {
        counts: [
          { key: other, windowMs, max: 5 },
          { key: full, windowMs, max: 1 },
        ],
      },
      at(1),
    );
    expect(answer.ok).toBe(false);
    expect((await loginAttempts.countRecent(db(), other, { windowMs, now: at(1) })).count).toBe(0);
  });

  it("a delay rule lets the free attempts through, then spaces the next ones by a growing delay", async () => {
    const key = unique("email");
    const rule = { key, windowMs: 60 * minute, freeAttempts: 2, delayMs: (n: number) => 2 ** (n - 2) * minute };
    expect((await loginAttempts.reserve(db(), { counts: [], delays: [rule] }, at(0))).ok).toBe(true);
    expect((await loginAttempts.reserve(db(), { counts: [], delays: [rule] }, at(0))).ok).toBe(true);
    // 2 so far: the next one waits 1 minute after the latest
    expect(await loginAttempts.reserve(db(), { counts: [], delays: [rule] }, at(0.5))).toEqual({
      ok: false,
      key,
      retryAt: at(1),
    });
    expect((await loginAttempts.reserve(db(), { counts: [], delays: [rule] }, at(1))).ok).toBe(true);
    // 3 so far: 2 minutes after the latest (minute 1)
    expect(await loginAttempts.reserve(db(), { counts: [], delays: [rule] }, at(2))).toMatchObject({ retryAt: at(3) });
    expect((await loginAttempts.reserve(db(), { counts: [], delays: [rule] }, at(3))).ok).toBe(true);
  });

  it("of 100 concurrent reservations against a limit of 5, exactly 5 pass (from several connections)", async () => {
    const key = unique("pair");
    const other = await connectAgain();
    const now = at(0);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        loginAttempts.reserve(i % 2 ? other : db(), { counts: [{ key, windowMs, max: 5 }] }, now),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect((await loginAttempts.countRecent(db(), key, { windowMs, now })).count).toBe(5);
  });

  it("clears a key, leaving other keys alone", async () => {
    const account = loginAttemptKey.pair(`${unique("c")}@example.test`, "198.51.100.1");
    const address = loginAttemptKey.ip(unique("ip"));
    await loginAttempts.recordFailure(db(), [account, address], at(0));
    await loginAttempts.clear(db(), account);
    expect((await loginAttempts.countRecent(db(), account, { windowMs, now: at(1) })).count).toBe(0);
    expect((await loginAttempts.countRecent(db(), address, { windowMs, now: at(1) })).count).toBe(1);
  });

  it("purges attempts older than a date", async () => {
    const key = loginAttemptKey.email(`${unique("d")}@example.test`);
    await loginAttempts.recordFailure(db(), [key], new Date("2001-01-01T00:00:00.000Z"));
    await loginAttempts.recordFailure(db(), [key], at(0));
    expect(await loginAttempts.purge(db(), new Date("2002-01-01T00:00:00.000Z"))).toBeGreaterThanOrEqual(1);
    expect(
      (await loginAttempts.countRecent(db(), key, { windowMs: 100 * 365 * 24 * 60 * minute, now: at(1) })).count,
    ).toBe(1);
  });
});
