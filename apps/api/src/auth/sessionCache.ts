import { LRUCache } from "lru-cache";
import type { SessionState } from "../context.ts";

type Load = () => Promise<SessionState | null>;
/** lru-cache holds no null: an unknown or expired session is kept as `{ user: null }`. */
type Entry = { user: SessionState | null };

/**
 * Remembers a validated session for a moment, so the burst of queries one page makes costs one database read.
 * Sign-out, disabling a user and changing a role forget at once on this replica; other replicas notice within
 * `ttlMs` (2 s), when they next read the session from the shared database.
 */
export class SessionCache {
  private readonly cache: LRUCache<string, Entry, Load>;
  /** Bumped by every forget: a read that started before one must not be kept (it may hold the old role). */
  private forgets = 0;

  constructor(ttlMs = 2_000, maxEntries = 10_000, now: () => number = () => performance.now()) {
    this.cache = new LRUCache<string, Entry, Load>({
      max: maxEntries,
      ttl: ttlMs,
      ttlResolution: 0,
      perf: { now },
      fetchMethod: async (_token, _stale, { context: load, options }) => {
        const forgetsBefore = this.forgets;
        const user = await load();
        // Still answers the requests waiting for this read, but expires at once.
        if (this.forgets !== forgetsBefore) options.ttl = 1;
        return { user };
      },
    });
  }

  /** Concurrent requests with one token share one read (a page fires several queries at once). */
  async get(token: string, load: Load): Promise<SessionState | null> {
    return (await this.cache.fetch(token, { context: load }))?.user ?? null;
  }

  forgetToken(token: string): void {
    this.forgets++;
    this.cache.delete(token);
  }

  /** Forgets every session of this user (and no one else's). */
  forgetUser(userId: string): void {
    this.forgets++;
    const tokens = [...this.cache.entries()]
      .filter(([, entry]) => entry.user?.user.id === userId)
      .map(([token]) => token);
    for (const token of tokens) this.cache.delete(token);
  }
}
