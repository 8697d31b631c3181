import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * HS256 JWTs signed with the sandbox API key — what `POST /v2/jwt/create` hands out and `/v2/jwt/validate` checks.
 * (Real Verifone signs with Cardinal's keys; the claims mirror its sample: jti, iss, OrgUnitId, Payload, iat.)
 */
export type JwtClaims = Record<string, unknown> & { jti?: string; iat?: number; exp?: number };

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");
const sign = (input: string, key: string) => createHmac("sha256", key).update(input).digest();

export function signJwt(claims: JwtClaims, key: string): string {
  const input = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${base64url(sign(input, key))}`;
}

export type JwtCheck = { ok: true; claims: JwtClaims } | { ok: false; reason: string };

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

export function verifyJwt(token: string, key: string, nowSeconds: number): JwtCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "is not a JWT" };
  const [header, body, signature] = parts as [string, string, string];
  const head = decodeJson(header) as { alg?: unknown } | null;
  if (head?.alg !== "HS256") return { ok: false, reason: "must be signed with HS256" };
  const expected = sign(`${header}.${body}`, key);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "has an invalid signature" };
  const claims = decodeJson(body);
  if (typeof claims !== "object" || claims === null || Array.isArray(claims))
    return { ok: false, reason: "has no claims" };
  const { exp } = claims as JwtClaims;
  if (typeof exp === "number" && exp < nowSeconds) return { ok: false, reason: "has expired" };
  return { ok: true, claims: claims as JwtClaims };
}
