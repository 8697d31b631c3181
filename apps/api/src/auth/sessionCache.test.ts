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
    let now = 0;
    const cache = new SessionCache(2_000, 100, () => now);
    let reads = 0;
    const load = async () => {
      reads++;
      return ada;
    };
    await cache.get("t", load);
    await cache.get("t", load);
    expect(reads).toBe(1);
    now = 2_001;
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
});
