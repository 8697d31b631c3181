import { type Queryable, sessions } from "@vbo/db";
import { sessionIdleMs } from "./sessionCookie.ts";

/** A user's open sessions as account.sessions and users.sessions answer them; `currentId` marks the caller's own. */
export async function openSessionItems(db: Queryable, userId: string, currentId: string | null) {
  const open = await sessions.listOpen(db, userId, { idleMs: sessionIdleMs });
  return {
    items: open.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === currentId,
    })),
  };
}
