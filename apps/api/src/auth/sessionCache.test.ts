import { describe, expect, it } from "vitest";
import type { SessionState } from "../context.ts";
import { SessionCache } from "./sessionCache.ts";

const ada: SessionState = {
  id: "s1",
  user: { id: "u1", email: "ada@x.test", name: "Ada", role: "support" },
  restriction: null,
};

describe("SessionCache", () => {
  it("reads the database once per token within the ttl, and again after it", async () => {
    // A clock well past 0, as every real one is (lru-cache takes a start time of 0 for "no ttl").
    const t0 = 1_000_000;
    let now = t0;
    const cache = new SessionCache(2_000, 100, () => now);
    let reads = 0;
    const load = async () => {
      reads++;
      return ada;
    };
    await cache.get("t", load);
    await cache.get("t", load);
    expect(reads).toBe(1);
    now = t0 + 2_001;
    await cache.get("t", load);
    expect(reads).toBe(2);
  });

  it("concurrent requests with one token share one read", async () => {
    const cache = new SessionCache();
    let reads = 0;
    const load = async () => {
      reads++;
      return ada;
    };
    await Promise.all([cache.get("t", load), cache.get("t", load), cache.get("t", load)]);
    expect(reads).toBe(1);
  });

  it("does not keep a failed read", async () => {
    const cache = new SessionCache();
    await expect(cache.get("t", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get("t", async () => ada)).toEqual(ada);
  });

  it("forgets a signed-out token and every token of a disabled user at once", async () => {
    const cache = new SessionCache();
    let answer: SessionState | null = ada;
    const load = async () => answer;
    await cache.get("t1", load);
    await cache.get("t2", load);
    answer = null;
    cache.forgetToken("t1");
    expect(await cache.get("t1", load)).toBeNull();
    expect(await cache.get("t2", load)).toEqual(ada);
    cache.forgetUser("u1");
    expect(await cache.get("t2", load)).toBeNull();
  });

  it("forgetting a user keeps everyone else's sessions", async () => {
    const cache = new SessionCache();
    const grace: SessionState = {
      id: "s2",
      user: { id: "u2", email: "grace@x.test", name: "Grace", role: "manager" },
      restriction: null,
    };
    let reads = 0;
    await cache.get("ada", async () => ada);
    await cache.get("grace", async () => grace);
    cache.forgetUser("u1");
    expect(
      await cache.get("grace", async () => {
        reads++;
        return grace;
      }),
    ).toEqual(grace);
    expect(reads).toBe(0);
  });

  it("a read in flight when its user is forgotten answers its waiters but is not kept", async () => {
    const cache = new SessionCache();
    let release: (session: SessionState) => void = () => {};
    const pending = cache.get("t", () => new Promise<SessionState>((resolve) => (release = resolve)));
    cache.forgetUser("u1");
    release(ada);
    expect(await pending).toEqual(ada);
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.get("t", async () => null)).toBeNull();
  });

  it("a full cache evicts the least recently used session, not all of them", async () => {
    const cache = new SessionCache(2_000, 2);
    let reads = 0;
    const load = async () => {
      reads++;
      return ada;
    };
    await cache.get("t1", load);
    await cache.get("t2", load);
    await cache.get("t1", load);
    await cache.get("t3", load);
    expect(reads).toBe(3);
    await cache.get("t1", load);
    await cache.get("t3", load);
    expect(reads).toBe(3);
    await cache.get("t2", load);
    expect(reads).toBe(4);
  });
});
