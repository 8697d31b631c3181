import type { SessionUser } from "../context.ts";

/**
 * Remembers a validated session for a moment, so the burst of queries one page makes costs one database read.
 * Sign-out, disabling a user and changing a role forget at once on this replica; other replicas notice within
 * `ttlMs` (2 s), when they next read the session from the shared database.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser | null; until: number }>();

  constructor(
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(token: string, load: () => Promise<SessionUser | null>): Promise<SessionUser | null> {
    const hit = this.entries.get(token);
    if (hit && hit.until > this.now()) return hit.user;
    const user = await load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(token, { user, until: this.now() + this.ttlMs });
    return user;
  }

  forgetToken(token: string): void {
    this.entries.delete(token);
  }

  forgetUser(userId: string): void {
    for (const [token, entry] of this.entries) if (entry.user?.id === userId) this.entries.delete(token);
  }
}
