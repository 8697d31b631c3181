import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";

// RFC 6238 with the parameters every authenticator app takes: SHA-1, 6 digits, 30-second steps.
const period = 30;
const issuer = "Verifone Back Office";

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totpOf(secretBase32, email).toString();
}

/**
 * The time step of `code` when it is valid now (one step of clock drift either way is allowed), else null. The
 * caller refuses a step at or before the last one accepted, so a code works once.
 */
export function totpStepOf(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / period) + delta;
}

function totpOf(secretBase32: string, label = "staff") {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: 6,
    period,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** Ten single-use recovery codes, 60 random bits each, as `xxxx-xxxx-xxxx` (lower-case hex). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const hex = randomBytes(6).toString("hex");
    return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
  });
}

// Stored secrets: AES-256-GCM under TOTP_ENCRYPTION_KEY ("v1:iv:tag:data"), or marked "plain:" without a key
// (the embedded demo). Either way the secret leaves the API only once, in the answer to account.totp.begin.
export function sealSecret(secretBase32: string, key: Buffer | null): string {
  if (!key) return `plain:${secretBase32}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(":");
}

export function openSecret(stored: string, key: Buffer | null): string {
  if (stored.startsWith("plain:")) return stored.slice("plain:".length);
  const [version, iv, tag, data] = stored.split(":");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unreadable TOTP secret");
  if (!key) throw new Error("TOTP_ENCRYPTION_KEY is needed to read the stored TOTP secrets");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
