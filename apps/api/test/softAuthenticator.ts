import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

// A software authenticator (ES256, "none" attestation, user verified) standing in for the browser's in tests: the
// edge we do not own. It answers exactly what WebAuthn specifies, so the API's real verifier checks it.

type Credential = { id: Buffer; key: KeyObject; userHandle: string; counter: number };

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();
const b64 = (data: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(data));
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function softAuthenticator(origin: string) {
  const rpId = new URL(origin).hostname;
  const credentials: Credential[] = [];
  const clientData = (type: string, challenge: string, at = origin) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: at, crossOrigin: false }));

  return {
    credentials,
    register(options: PublicKeyCredentialCreationOptionsJSON, at = origin): RegistrationResponseJSON {
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const jwk = publicKey.export({ format: "jwk" });
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, Buffer.from(jwk.x ?? "", "base64url")],
          [-3, Buffer.from(jwk.y ?? "", "base64url")],
        ]),
      );
      const id = randomBytes(16);
      credentials.push({ id, key: privateKey, userHandle: options.user.id, counter: 0 });
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(id.length);
      const authData = Buffer.concat([sha256(rpId), Buffer.from([0x45]), u32(0), Buffer.alloc(16), idLength, id, cose]);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ["fmt", "none"],
          ["attStmt", new Map<string, string>()],
          ["authData", authData],
        ]),
      );
      return {
        id: b64(id),
        rawId: b64(id),
        type: "public-key",
        response: {
          clientDataJSON: b64(clientData("webauthn.create", options.challenge, at)),
          attestationObject: b64(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },

    /** Signs the challenge with the first allowed credential (or `which`, for a discoverable sign-in). */
    assert(options: PublicKeyCredentialRequestOptionsJSON, which = 0, at = origin): AuthenticationResponseJSON {
      const allowed = options.allowCredentials?.map((c) => c.id);
      const pool = allowed?.length ? credentials.filter((c) => allowed.includes(b64(c.id))) : credentials;
      const credential = pool[allowed?.length ? 0 : which];
      if (!credential) throw new Error("no credential for this request");
      credential.counter += 1;
      const authData = Buffer.concat([sha256(rpId), Buffer.from([0x05]), u32(credential.counter)]);
      const data = clientData("webauthn.get", options.challenge, at);
      const signature = sign("sha256", Buffer.concat([authData, sha256(data)]), credential.key);
      return {
        id: b64(credential.id),
        rawId: b64(credential.id),
        type: "public-key",
        response: {
          clientDataJSON: b64(data),
          authenticatorData: b64(authData),
          signature: b64(signature),
          userHandle: credential.userHandle,
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },
  };
}
