import { describe, expect, it } from "vitest";
import { parseEnv, usesSandbox } from "./env.ts";

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
    });
    expect(usesSandbox(env)).toBe(false);
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

  it("analytics settings default to a sync every 60 s, 400 days of history, 30 min overlap; bad ones are named", () => {
    expect(parseEnv({})).toMatchObject({
      ANALYTICS_SYNC_INTERVAL_S: 60,
      ANALYTICS_BACKFILL_DAYS: 400,
      ANALYTICS_SYNC_OVERLAP_S: 1800,
    });
    expect(parseEnv({ ANALYTICS_BACKFILL_DAYS: "30" }).ANALYTICS_BACKFILL_DAYS).toBe(30);
    expect(() => parseEnv({ ANALYTICS_SYNC_INTERVAL_S: "0" })).toThrow(/ANALYTICS_SYNC_INTERVAL_S/);
    expect(() => parseEnv({ ANALYTICS_BACKFILL_DAYS: "many" })).toThrow(/ANALYTICS_BACKFILL_DAYS/);
  });
});
