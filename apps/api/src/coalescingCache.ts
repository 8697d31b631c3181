import { LRUCache } from "lru-cache";

type Load<T> = () => Promise<T>;

/**
 * Identical reads within `ttlMs` share one upstream call: lru-cache's `fetch` shares the in-flight promise and keeps
 * the settled value for the ttl. Failures are not cached. Bounded by `maxEntries` (least recently used evicted first).
 */
export class CoalescingCache<T extends {}> {
  private readonly cache: LRUCache<string, T, Load<T>>;

  constructor(ttlMs: number, maxEntries = 1000, now: () => number = () => performance.now()) {
    this.cache = new LRUCache<string, T, Load<T>>({
      max: maxEntries,
      ttl: ttlMs,
      ttlResolution: 0,
      perf: { now },
      fetchMethod: (_key, _stale, { context: load }) => load(),
    });
  }

  async get(key: string, load: Load<T>): Promise<T> {
    const value = await this.cache.fetch(key, { context: load });
    if (value === undefined) throw new Error(`cache read of ${key} was aborted`);
    return value;
  }
}
