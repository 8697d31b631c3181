import { z } from "zod";

// auth.login and auth.mfa.verify, as the API takes them and the sign-in forms check them.

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

/** A WebAuthn answer as @simplewebauthn/browser gives it (checked in full by the verifier). */
export const webauthnResponse = z.looseObject({ id: z.string().min(1).max(1400), type: z.literal("public-key") });

export const mfaTotpInput = z.object({
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "totp must be the 6-digit code"),
});
export const mfaRecoveryInput = z.object({ recoveryCode: z.string().trim().min(1, "Enter a recovery code").max(40) });
export const mfaVerifyInput = z.union([mfaTotpInput, mfaRecoveryInput, z.object({ passkey: webauthnResponse })]);
