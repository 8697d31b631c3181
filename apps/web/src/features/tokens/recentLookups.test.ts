import { describe, expect, it } from "vitest";
import {
  type RecentLookup,
  readRecentLookups,
  recentLookupsKey,
  withLookup,
  writeRecentLookups,
} from "./recentLookups.ts";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const lookup = (n: number, status = "ACTIVE"): RecentLookup => ({
  reuseToken: `token-number-${String(n).padStart(4, "0")}`,
  card: `•••• ${String(n).padStart(4, "0")}`,
  brand: "VISA",
  status,
  at: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
});

describe("recent look-ups", () => {
  it("puts the newest first, keeps one entry per token (with its latest status), at most ten", () => {
    let list: RecentLookup[] = [];
    for (let n = 1; n <= 12; n++) list = withLookup(list, lookup(n));
    expect(list.map((l) => l.reuseToken.slice(-2))).toEqual([
      "12",
      "11",
      "10",
      "09",
      "08",
      "07",
      "06",
      "05",
      "04",
      "03",
    ]);
    list = withLookup(list, lookup(5, "SUSPENDED"));
    expect(list).toHaveLength(10);
    expect(list[0]).toEqual(lookup(5, "SUSPENDED"));
    expect(list.filter((l) => l.reuseToken === lookup(5).reuseToken)).toHaveLength(1);
  });

  it("are kept per user: one user's list is not another's", () => {
    const storage = memoryStorage();
    writeRecentLookups(storage, "user-a", [lookup(1)]);
    writeRecentLookups(storage, "user-b", [lookup(2), lookup(3)]);
    expect(readRecentLookups(storage, "user-a")).toEqual([lookup(1)]);
    expect(readRecentLookups(storage, "user-b")).toEqual([lookup(2), lookup(3)]);
    expect([...storage.items.keys()]).toEqual([recentLookupsKey("user-a"), recentLookupsKey("user-b")]);
  });

  it("read anything unreadable as empty, and drop malformed entries", () => {
    expect(readRecentLookups(memoryStorage({ [recentLookupsKey("u")]: "{not json" }), "u")).toEqual([]);
    expect(readRecentLookups(memoryStorage({ [recentLookupsKey("u")]: '{"a":1}' }), "u")).toEqual([]);
    const mixed = JSON.stringify([lookup(1), { reuseToken: 7 }, "x", lookup(2)]);
    expect(readRecentLookups(memoryStorage({ [recentLookupsKey("u")]: mixed }), "u")).toEqual([lookup(1), lookup(2)]);
    expect(readRecentLookups(null, "u")).toEqual([]);
  });

  it("survive a storage that refuses to write", () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => writeRecentLookups(full, "u", [lookup(1)])).not.toThrow();
  });
});
