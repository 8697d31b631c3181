/**
 * Identical reads within `ttlMs` share one upstream call: in-flight promises are shared, settled values are kept
 * briefly. Failures are not cached. Bounded by `maxEntries` (oldest evicted first).
 */
export class CoalescingCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    const value = load();
    this.entries.set(key, { value, expiresAt: Number.POSITIVE_INFINITY });
    value.then(
      () => {
        const entry = this.entries.get(key);
        if (entry?.value === value) entry.expiresAt = this.now() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
      },
    );
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
