import { randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { newRecoveryCodes, newTotpSecret, openSecret, sealSecret, totpStepOf, totpUri } from "./totpFactor.ts";

const codeAt = (secret: string, timestamp: number) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp });

describe("TOTP", () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2030, 0, 1, 12, 0, 10);

  it("accepts the current code and the neighbouring steps, and says which step it was", () => {
    const step = Math.floor(now / 30_000);
    expect(totpStepOf(secret, codeAt(secret, now), now)).toBe(step);
    expect(totpStepOf(secret, codeAt(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStepOf(secret, codeAt(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStepOf(secret, codeAt(secret, now - 90_000), now)).toBeNull();
    expect(totpStepOf(secret, "12345", now)).toBeNull();
  });

  it("writes an otpauth:// URI an authenticator app reads", () => {
    const uri = totpUri(secret, "ops@demo.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Verifone%20Back%20Office:ops%40demo\.test\?/);
    expect(OTPAuth.URI.parse(uri).secret.base32).toBe(secret);
  });

  it("makes ten distinct recovery codes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
  });

  it("seals the secret with the key (not readable without it) and opens it again", () => {
    const key = randomBytes(32);
    const sealed = sealSecret(secret, key);
    expect(sealed).not.toContain(secret);
    expect(openSecret(sealed, key)).toBe(secret);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    expect(() => openSecret(sealed, null)).toThrow(/TOTP_ENCRYPTION_KEY/);
    expect(openSecret(sealSecret(secret, null), null)).toBe(secret);
  });
});
