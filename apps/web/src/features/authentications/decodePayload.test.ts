import { describe, expect, it } from "vitest";
import { decodePayload } from "./decodePayload.ts";

const bytesToBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const base64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));

describe("decodePayload", () => {
  it("pretty-prints Base64 JSON", () => {
    const result = decodePayload(base64('{"messageType":"CRes","transStatus":"Y","n":[1,2]}'));
    expect(result).toEqual({
      kind: "json",
      pretty: '{\n  "messageType": "CRes",\n  "transStatus": "Y",\n  "n": [\n    1,\n    2\n  ]\n}',
    });
  });

  it("accepts the URL-safe alphabet, missing padding and line breaks", () => {
    const standard = base64('{"a":"ÿ?>"}');
    const urlSafe = standard.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(decodePayload(urlSafe)).toEqual({ kind: "json", pretty: '{\n  "a": "ÿ?>"\n}' });
    expect(decodePayload(`${standard.slice(0, 4)}\n${standard.slice(4)}`).kind).toBe("json");
  });

  it("shows decoded text, saying it is not JSON, when the bytes are text but not JSON", () => {
    const result = decodePayload(base64("PaRes=eJzVWNuS"));
    expect(result.kind).toBe("text");
    if (result.kind !== "text") return;
    expect(result.text).toBe("PaRes=eJzVWNuS");
    expect(result.note).toMatch(/not JSON/);
  });

  it("shows the raw text when the bytes are not UTF-8", () => {
    const raw = bytesToBase64(Uint8Array.from([0xff, 0xfe, 0x00, 0x81]));
    expect(decodePayload(raw)).toMatchObject({ kind: "text", text: raw });
  });

  it("says when the value is not Base64 at all", () => {
    for (const raw of ["not base64!", "abcde", "ab=c", ""]) {
      const result = decodePayload(raw);
      expect(result.kind, raw).toBe("invalid");
      if (result.kind === "invalid") expect(result.raw).toBe(raw);
    }
  });
});
