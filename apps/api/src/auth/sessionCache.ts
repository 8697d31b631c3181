import type { SessionState } from "../context.ts";

/**
 * Remembers a validated session for a moment, so the burst of queries one page makes costs one database read.
 * Sign-out, disabling a user and changing a role forget at once on this replica; other replicas notice within
 * `ttlMs` (2 s), when they next read the session from the shared database.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: Promise<SessionState | null>; until: number }>();

  constructor(
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Concurrent requests with one token share one read (a page fires several queries at once). */
  get(token: string, load: () => Promise<SessionState | null>): Promise<SessionState | null> {
    const hit = this.entries.get(token);
    if (hit && hit.until > this.now()) return hit.user;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const user = load();
    const entry = { user, until: Number.POSITIVE_INFINITY };
    this.entries.set(token, entry);
    user.then(
      () => {
        entry.until = this.now() + this.ttlMs;
      },
      () => {
        if (this.entries.get(token) === entry) this.entries.delete(token);
      },
    );
    return user;
  }

  forgetToken(token: string): void {
    this.entries.delete(token);
  }

  forgetUser(userId: string): void {
    // Which tokens belong to the user is only known once read: forget every entry (cheap — they come back in one read).
    void userId;
    this.entries.clear();
  }
}
