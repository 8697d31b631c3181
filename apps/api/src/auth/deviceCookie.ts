import { parse, serialize } from "cookie";

// Marks a browser that completed a sign-in: it skips the account's growing delay (see loginThrottle.ts).
export const deviceCookieName = "vbo_device";
export const deviceTrustMs = 90 * 24 * 60 * 60_000;

export function readDeviceToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return parse(cookieHeader)[deviceCookieName] ?? null;
}

export function deviceCookie(token: string, secure: boolean): string {
  return serialize(deviceCookieName, token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/trpc",
    maxAge: Math.floor(deviceTrustMs / 1000),
  });
}
