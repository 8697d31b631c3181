import { parse, serialize } from "cookie";

export const sessionCookieName = "vbo_session";
export const sessionIdleMs = 30 * 60_000;
export const sessionAbsoluteMs = 12 * 60 * 60_000;

export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return parse(cookieHeader)[sessionCookieName] ?? null;
}

/** httpOnly, SameSite=Strict, Secure when the request came over HTTPS; lives no longer than the absolute expiry. */
export function sessionCookie(token: string, secure: boolean): string {
  return serialize(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    maxAge: Math.floor(sessionAbsoluteMs / 1000),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(sessionCookieName, "", { httpOnly: true, sameSite: "strict", secure, path: "/", maxAge: 0 });
}
