import type { Db } from "@vbo/db";
import type { Role } from "@vbo/domain";
import type { VerifoneClient } from "@vbo/verifone";
import type { Logger } from "pino";
import type { SessionCache } from "./auth/sessionCache.ts";
import type { CoalescingCache } from "./coalescingCache.ts";

/** Long-lived things every request shares. */
export type AppDeps = {
  verifone: VerifoneClient;
  upstream: "sandbox" | "verifone";
  db: Db;
  log: Logger;
  counts: CoalescingCache<number>;
  sessions: SessionCache;
  /** The per-attempt timeout of Verifone calls: an unfinished money move older than this lost its owner. */
  upstreamTimeoutMs?: number;
};

export type SessionUser = { id: string; email: string; name: string; role: Role };

export type RequestInfo = {
  requestId: string;
  log: Logger;
  ip: string | null;
  userAgent: string | null;
  /** The request came over HTTPS (directly or via a trusted proxy): cookies get `Secure`. */
  secure: boolean;
  sessionToken: string | null;
  user: SessionUser | null;
  setCookie(cookie: string): void;
};

export type Context = AppDeps &
  RequestInfo & {
    /** What a procedure learns for its audit event: who signed in, the status Verifone answered. */
    auditNote: { actor?: SessionUser; upstreamStatus?: number };
  };
