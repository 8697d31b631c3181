import { describe, expect, it } from "vitest";
import { listenHost, parseEnv, usesSandbox } from "./env.ts";

describe("env", () => {
  it("with nothing set, the sandbox is the upstream on the documented ports", () => {
    const env = parseEnv({});
    expect(usesSandbox(env)).toBe(true);
    expect(env).toMatchObject({ PORT: 3000, SANDBOX_PORT: 3100, DATA_DIR: ".data" });
  });

  it("honours PORT, SANDBOX_PORT and DATA_DIR", () => {
    expect(parseEnv({ PORT: "8080", SANDBOX_PORT: "9100", DATA_DIR: "/tmp/x" })).toMatchObject({
      PORT: 8080,
      SANDBOX_PORT: 9100,
      DATA_DIR: "/tmp/x",
    });
  });

  it("a region with credentials selects Verifone", () => {
    const env = parseEnv({
      VERIFONE_REGION: "emea",
      VERIFONE_USER_ID: "u",
      VERIFONE_API_KEY: "k",
      DATABASE_URL: "postgres://db.internal/bo",
      PUBLIC_URL: "https://backoffice.example.com",
    });
    expect(usesSandbox(env)).toBe(false);
    expect(listenHost(env)).toBe("0.0.0.0");
  });

  it("a partial Verifone configuration names every missing setting", () => {
    expect(() => parseEnv({ VERIFONE_REGION: "emea" })).toThrow(/VERIFONE_USER_ID[\s\S]*VERIFONE_API_KEY/);
    expect(() => parseEnv({ VERIFONE_API_KEY: "k", VERIFONE_USER_ID: "u" })).toThrow(/VERIFONE_BASE_URL/);
    expect(() => parseEnv({ VERIFONE_REGION: "us", VERIFONE_API_KEY: "k", VERIFONE_USER_ID: "u" })).toThrow(
      /DATABASE_URL/,
    );
  });

  it("malformed values name the setting", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ VERIFONE_REGION: "mars", VERIFONE_USER_ID: "u", VERIFONE_API_KEY: "k" })).toThrow(
      /VERIFONE_REGION/,
    );
    expect(() => parseEnv({ VERIFONE_BASE_URL: "ftp://x", VERIFONE_USER_ID: "u", VERIFONE_API_KEY: "k" })).toThrow(
      /VERIFONE_BASE_URL/,
    );
  });

  it("the embedded demo listens on 127.0.0.1 unless HOST says otherwise", () => {
    expect(listenHost(parseEnv({}))).toBe("127.0.0.1");
    expect(listenHost(parseEnv({ HOST: "0.0.0.0" }))).toBe("0.0.0.0");
  });

  it("PUBLIC_URL is an origin, required with a Verifone upstream", () => {
    expect(parseEnv({ PUBLIC_URL: "https://bo.example.com/" }).PUBLIC_URL).toBe("https://bo.example.com");
    expect(() => parseEnv({ PUBLIC_URL: "https://bo.example.com/app" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ PUBLIC_URL: "bo.example.com" })).toThrow(/PUBLIC_URL/);
    const verifone = { VERIFONE_REGION: "emea", VERIFONE_USER_ID: "u", VERIFONE_API_KEY: "k" };
    expect(() => parseEnv({ ...verifone, DATABASE_URL: "postgres://db/bo" })).toThrow(/PUBLIC_URL/);
  });

  it("TRUST_PROXY takes a hop count or addresses, and names itself when malformed", () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual(["loopback"]);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.4,::1" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "192.168.1.4",
      "::1",
    ]);
    expect(() => parseEnv({ TRUST_PROXY: "everyone" })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
  });
});
