import { describe, expect, it } from "vitest";
import { CoalescingCache } from "./coalescingCache.ts";

describe("CoalescingCache", () => {
  it("identical concurrent reads make one call", async () => {
    const cache = new CoalescingCache<number>(5_000);
    let calls = 0;
    const load = async () => {
      calls++;
      return 42;
    };
    const values = await Promise.all([cache.get("k", load), cache.get("k", load), cache.get("k", load)]);
    expect(values).toEqual([42, 42, 42]);
    expect(calls).toBe(1);
  });

  it("keeps a value for the ttl, then loads again", async () => {
    // A clock well past 0, as every real one is (lru-cache takes a start time of 0 for "no ttl").
    const t0 = 1_000_000;
    let now = t0;
    const cache = new CoalescingCache<number>(1_000, 10, () => now);
    let calls = 0;
    const load = async () => ++calls;
    expect(await cache.get("k", load)).toBe(1);
    now = t0 + 999;
    expect(await cache.get("k", load)).toBe(1);
    now = t0 + 1_001;
    expect(await cache.get("k", load)).toBe(2);
  });

  it("does not keep failures", async () => {
    const cache = new CoalescingCache<number>(5_000);
    await expect(cache.get("k", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get("k", async () => 7)).toBe(7);
  });

  it("different keys do not share", async () => {
    const cache = new CoalescingCache<string>(5_000);
    expect(await cache.get("a", async () => "A")).toBe("A");
    expect(await cache.get("b", async () => "B")).toBe("B");
  });

  it("evicts the oldest entry beyond its bound", async () => {
    const cache = new CoalescingCache<number>(5_000, 2);
    let calls = 0;
    const load = async () => ++calls;
    await cache.get("a", load);
    await cache.get("b", load);
    await cache.get("c", load);
    expect(await cache.get("a", load)).toBe(4);
  });

  it("evicts the least recently used entry, not the first one stored", async () => {
    const cache = new CoalescingCache<number>(5_000, 2);
    let calls = 0;
    const load = async () => ++calls;
    await cache.get("a", load);
    await cache.get("b", load);
    await cache.get("a", load);
    await cache.get("c", load);
    expect(await cache.get("a", load)).toBe(1);
    expect(await cache.get("b", load)).toBe(4);
  });
});
