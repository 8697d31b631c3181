/**
 * Verifone's `payload` and `authorization_payload` are documented as Base64-encoded JSON. Decode them for reading:
 * - `json`: valid Base64 of UTF-8 JSON, pretty-printed;
 * - `text`: valid Base64 but the bytes are not JSON (shown as decoded text, or as-is if not UTF-8 either);
 * - `invalid`: not Base64 at all (shown raw).
 */
export type DecodedPayload =
  | { kind: "json"; pretty: string }
  | { kind: "text"; text: string; note: string }
  | { kind: "invalid"; raw: string; note: string };

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64ToBytes(input: string): Uint8Array | null {
  // Tolerate line breaks, the URL-safe alphabet and missing padding, which some issuers' payloads use.
  let text = input.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!base64.test(text)) return null;
  text = text.replace(/=+$/, "");
  if (text.length % 4 === 1) return null;
  text += "=".repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function decodePayload(raw: string): DecodedPayload {
  const bytes = raw.trim() === "" ? null : base64ToBytes(raw);
  if (!bytes) return { kind: "invalid", raw, note: "Not valid Base64, shown as received." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { kind: "text", text: raw, note: "Decodes from Base64, but not to UTF-8 text; shown as received." };
  }
  try {
    return { kind: "json", pretty: JSON.stringify(JSON.parse(text), null, 2) };
  } catch {
    return { kind: "text", text, note: "Decoded from Base64, but it is not JSON; shown as decoded text." };
  }
}
