import type * as WebAuthn from "@simplewebauthn/server";
import { TRPCError } from "@trpc/server";
import { passkeys } from "@vbo/db";
import type { Context, SessionUser } from "../context.ts";

// WebAuthn ceremonies. The relying party is the host the browser talks to (its origin, its hostname as RP ID); each
// challenge is stored and used up once, so a recorded answer cannot be replayed.
// @simplewebauthn/server holds ~20 MB resident once imported: loaded at the first ceremony, not at start-up.
const webauthn = () => import("@simplewebauthn/server");
const helpers = () => import("@simplewebauthn/server/helpers");

const challengeTtlMs = 5 * 60_000;
const rpName = "Verifone Back Office";

function relyingParty(ctx: Context) {
  if (!ctx.origin) throw new TRPCError({ code: "BAD_REQUEST", message: "Passkeys need the request's origin" });
  return { origin: ctx.origin, rpID: new URL(ctx.origin).hostname };
}

const refused = (message = "The passkey was not accepted") => new TRPCError({ code: "UNAUTHORIZED", message });

export async function registrationOptions(ctx: Context, user: SessionUser) {
  const [{ generateRegistrationOptions }, { isoUint8Array }] = await Promise.all([webauthn(), helpers()]);
  const { rpID } = relyingParty(ctx);
  const existing = await passkeys.listForUser(ctx.db, user.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: isoUint8Array.fromUTF8String(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await passkeys.saveChallenge(ctx.db, options.challenge, "register", user.id, challengeTtlMs);
  return options;
}

export async function registerPasskey(ctx: Context, user: SessionUser, name: string, response: unknown) {
  const [{ verifyRegistrationResponse }, { isoBase64URL }] = await Promise.all([webauthn(), helpers()]);
  const { origin, rpID } = relyingParty(ctx);
  const verified = await verifyRegistrationResponse({
    response: response as Parameters<typeof WebAuthn.verifyRegistrationResponse>[0]["response"],
    expectedChallenge: (challenge) => passkeys.takeChallenge(ctx.db, challenge, "register", user.id),
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  }).catch((err: unknown) => {
    throw new TRPCError({ code: "BAD_REQUEST", message: `response: ${(err as Error).message}` });
  });
  if (!verified.verified) throw new TRPCError({ code: "BAD_REQUEST", message: "response: not verified" });
  const { credential } = verified.registrationInfo;
  return passkeys.add(ctx.db, {
    id: credential.id,
    userId: user.id,
    name,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
  });
}

/** Options for an assertion: any discoverable passkey (password-less sign-in), or one of `userId`'s (second factor). */
export async function authenticationOptions(ctx: Context, userId: string | null) {
  const { generateAuthenticationOptions } = await webauthn();
  const { rpID } = relyingParty(ctx);
  const allow = userId ? await passkeys.listForUser(ctx.db, userId) : [];
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: "required",
    allowCredentials: userId ? allow.map((p) => ({ id: p.id, transports: p.transports })) : undefined,
  });
  await passkeys.saveChallenge(ctx.db, options.challenge, userId ? "factor" : "sign-in", userId, challengeTtlMs);
  return options;
}

/** Verifies an assertion and returns whose passkey it was; `userId` when it must be that user's (second factor). */
export async function verifyPasskey(ctx: Context, userId: string | null, response: { id: string }): Promise<string> {
  const [{ verifyAuthenticationResponse }, { isoBase64URL }] = await Promise.all([webauthn(), helpers()]);
  const { origin, rpID } = relyingParty(ctx);
  const passkey = await passkeys.find(ctx.db, response.id);
  if (!passkey || (userId && passkey.userId !== userId)) throw refused();
  const verified = await verifyAuthenticationResponse({
    response: response as Parameters<typeof WebAuthn.verifyAuthenticationResponse>[0]["response"],
    expectedChallenge: (challenge) => passkeys.takeChallenge(ctx.db, challenge, userId ? "factor" : "sign-in", userId),
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
    credential: {
      id: passkey.id,
      publicKey: isoBase64URL.toBuffer(passkey.publicKey),
      counter: passkey.counter,
      transports: passkey.transports as never,
    },
  }).catch(() => ({ verified: false as const, authenticationInfo: null }));
  if (!verified.verified || !verified.authenticationInfo) throw refused();
  await passkeys.used(ctx.db, passkey.id, verified.authenticationInfo.newCounter);
  return passkey.userId;
}
