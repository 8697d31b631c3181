import { createHash, randomBytes } from "node:crypto";
import { parse, serialize } from "cookie";

/**
 * Binds a sign-in in flight to the browser that started it: a random value in this cookie, its SHA-256 next to the
 * state in the database. SameSite=Lax, because the provider sends the browser back with a cross-site top-level GET.
 */
export const ssoCookieName = "vbo_sso";
const path = "/auth/oidc";
export const ssoSignInTtlMs = 10 * 60_000;

export function newBrowserBinding(): { value: string; hash: string } {
  const value = randomBytes(32).toString("base64url");
  return { value, hash: browserHashOf(value) };
}

export function browserHashOf(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function readSsoCookie(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return parse(cookieHeader)[ssoCookieName] ?? null;
}

export function ssoCookie(value: string, secure: boolean): string {
  return serialize(ssoCookieName, value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path,
    maxAge: Math.floor(ssoSignInTtlMs / 1000),
  });
}

export function clearedSsoCookie(secure: boolean): string {
  return serialize(ssoCookieName, "", { httpOnly: true, sameSite: "lax", secure, path, maxAge: 0 });
}
