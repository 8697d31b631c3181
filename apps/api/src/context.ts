import type { Db, SessionRestriction } from "@vbo/db";
import type { Role, SsoRoleMap } from "@vbo/domain";
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
  /** The analytics store's settings (ANALYTICS_*); defaults when absent. */
  analytics?: { backfillDays: number; now?: () => Date };
  /** MFA_REQUIRED_ROLES and the key TOTP secrets are encrypted with (defaults: none required, no key). */
  identity?: IdentitySettings;
  /** The per-attempt timeout of Verifone calls: an unfinished money move older than this lost its owner. */
  upstreamTimeoutMs?: number;
};

export type IdentitySettings = {
  mfaRequiredRoles: readonly Role[];
  totpKey: Buffer | null;
  /** Single sign-on through the merchant's identity provider (OIDC_*); absent: none. */
  sso?: SsoSettings | null;
  /** PASSWORD_LOGIN (default true): false refuses password and passkey sign-in but for `breakGlassAdmins`. */
  passwordLogin?: boolean;
  /** BREAK_GLASS_ADMINS: admins who may still sign in with their password when password sign-in is off. */
  breakGlassAdmins?: readonly string[];
};

export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim whose values OIDC_ROLE_MAP maps (default `groups`). */
  roleClaim: string;
  roleMap: SsoRoleMap;
  /** Space-separated, with `openid`. */
  scopes: string;
  /** "Sign in with <displayName>". */
  displayName: string;
  /** Seconds of clock difference tolerated on the ID token's iat/exp (default 30). */
  clockToleranceS?: number;
};

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** A valid session: `restriction` set while the sign-in is not complete (then `user` in the context stays null). */
export type SessionState = { id: string; user: SessionUser; restriction: SessionRestriction | null };

export type RequestInfo = {
  requestId: string;
  log: Logger;
  ip: string | null;
  userAgent: string | null;
  /** The request came over HTTPS (directly or via a trusted proxy): cookies get `Secure`. */
  secure: boolean;
  sessionToken: string | null;
  user: SessionUser | null;
  /** The session whatever its restriction (null without one). */
  session?: SessionState | null;
  /** This site's origin as the browser sees it (`https://bo.example.com`): passkeys are bound to it. */
  origin?: string;
  /** The browser's trusted-device cookie, when it sent one. */
  deviceToken?: string | null;
  setCookie(cookie: string): void;
};

export type Context = AppDeps &
  RequestInfo & {
    /** What a procedure learns for its audit event: who signed in, the status Verifone answered. */
    auditNote: { actor?: SessionUser; upstreamStatus?: number };
  };
