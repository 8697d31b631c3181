import { deflateRawSync } from "node:zlib";

/**
 * The opaque strings a 3DS record carries. `payload` is a CReq (base64 JSON, unpadded like Verifone's samples) in
 * EMV 3DS, but a deflated XML PaReq in 3DS 1.0 — not JSON — and occasionally damaged, so consumers must cope.
 * `authorization_payload` is padded base64 JSON (its schema pattern requires the padding).
 */
const base64 = (text: string | Uint8Array) => Buffer.from(text).toString("base64");
const unpadded = (text: string) => base64(text).replace(/=+$/, "");

export function creqPayload(version: string, serverTransId: string, acsTransId: string, windowSize: string): string {
  return unpadded(
    JSON.stringify({
      messageType: "CReq",
      messageVersion: version,
      threeDSServerTransID: serverTransId,
      acsTransID: acsTransId,
      challengeWindowSize: windowSize,
    }),
  );
}

/** A CReq cut short mid-way: still base64, no longer JSON. */
export function truncatedCreqPayload(version: string, serverTransId: string): string {
  const json = JSON.stringify({ messageType: "CReq", messageVersion: version, threeDSServerTransID: serverTransId });
  return unpadded(json.slice(0, Math.floor(json.length * 0.6)));
}

export function pareqPayload(xid: string, amount: number, currencyNumeric: string, merchantName: string): string {
  const xml =
    `<ThreeDSecure><Message id="PaReq"><PAReq><version>1.0.2</version>` +
    `<Merchant><name>${merchantName}</name><country>826</country></Merchant>` +
    `<Purchase><xid>${xid}</xid><amount>${amount}</amount><currency>${currencyNumeric}</currency></Purchase>` +
    `</PAReq></Message></ThreeDSecure>`;
  return base64(deflateRawSync(xml));
}

export type AuthorizationValues = {
  eci: string;
  cavv: string;
  transStatus: string;
  dsTransId: string;
  acsTransId: string;
  version: string;
  merchantName: string;
  purchaseDate: string;
  amount: number;
  currencyNumeric: string;
  brand: string;
  challenged: boolean;
};

export function authorizationPayload(v: AuthorizationValues): string {
  return base64(
    JSON.stringify({
      containerVersion: "1",
      eci: v.eci,
      authenticationValue: v.cavv,
      effectiveAuthType: v.challenged ? "CH" : "FR",
      transStatus: v.transStatus,
      dsTransID: v.dsTransId,
      acsTransID: v.acsTransId,
      messageVersion: v.version,
      merchantName: v.merchantName,
      purchaseDate: v.purchaseDate,
      purchaseAmount: String(v.amount),
      purchaseCurrency: v.currencyNumeric,
      cardBrand: v.brand,
    }),
  );
}

/** A CAVV as the merchant's configuration encodes it: 20 bytes as base64 (28 chars) or hex (40 chars). */
export function encodeCavv(bytes: Uint8Array, encoding: "base64" | "hex"): string {
  return encoding === "hex" ? Buffer.from(bytes).toString("hex").toUpperCase() : base64(bytes);
}

export function toBase64(bytes: Uint8Array): string {
  return base64(bytes);
}
