import { describe, expect, it } from "vitest";
import { readSandboxEnv, sandboxCredentials } from "../src/env.ts";

describe("readSandboxEnv", () => {
  it("defaults every setting", () => {
    const before = Date.now();
    const settings = readSandboxEnv({});
    expect(settings.now).toBeGreaterThanOrEqual(before);
    expect(settings.now).toBeLessThanOrEqual(Date.now());
    expect(settings).toEqual({
      now: settings.now,
      port: 3100,
      host: "127.0.0.1",
      seed: 1,
      authentications: 20_000,
      tokens: 500,
      transactions: 3000,
      latencyMs: 0,
      userId: "sandbox-user",
      apiKey: "sandbox-key",
    });
    expect(sandboxCredentials({})).toEqual({ userId: "sandbox-user", apiKey: "sandbox-key" });
  });

  it("reads the SANDBOX_* variables", () => {
    expect(
      readSandboxEnv({
        SANDBOX_PORT: "0",
        SANDBOX_NOW: "2026-11-15T09:30:00Z",
        SANDBOX_SEED: "42",
        SANDBOX_AUTHENTICATIONS: "100000",
        SANDBOX_TOKENS: "20",
        SANDBOX_TRANSACTIONS: "40",
        SANDBOX_LATENCY_MS: "150",
        SANDBOX_USER_ID: "u",
        SANDBOX_API_KEY: "k",
      }),
    ).toMatchObject({
      port: 0,
      now: Date.UTC(2026, 10, 15, 9, 30),
      seed: 42,
      authentications: 100000,
      tokens: 20,
      transactions: 40,
      latencyMs: 150,
      userId: "u",
      apiKey: "k",
    });
  });

  it("fails naming every bad value, without printing the API key", () => {
    const read = () =>
      readSandboxEnv({
        SANDBOX_PORT: "70000",
        SANDBOX_NOW: "2026-02-30T10:00:00Z",
        SANDBOX_SEED: "-3",
        SANDBOX_AUTHENTICATIONS: "lots",
        SANDBOX_TOKENS: "-1",
        SANDBOX_TRANSACTIONS: "1e3",
        SANDBOX_LATENCY_MS: "1.5",
        SANDBOX_USER_ID: "a:b",
        SANDBOX_API_KEY: " ",
      });
    expect(read).toThrow(/SANDBOX_PORT/);
    try {
      read();
    } catch (err) {
      const message = (err as Error).message;
      for (const name of [
        "SANDBOX_NOW",
        "SANDBOX_SEED",
        "SANDBOX_AUTHENTICATIONS",
        "SANDBOX_TOKENS",
        "SANDBOX_TRANSACTIONS",
        "SANDBOX_LATENCY_MS",
        "SANDBOX_USER_ID",
        "SANDBOX_API_KEY",
      ])
        expect(message).toContain(name);
    }
  });

  it("reads SANDBOX_NOW as an ISO 8601 date-time, UTC when it has no offset", () => {
    const nowOf = (value: string) => readSandboxEnv({ SANDBOX_NOW: value }).now;
    expect(nowOf("2026-11-15T00:00:00.000Z")).toBe(Date.UTC(2026, 10, 15));
    expect(nowOf("2026-11-15T00:00")).toBe(Date.UTC(2026, 10, 15));
    expect(nowOf("2026-11-15T02:00:00+02:00")).toBe(Date.UTC(2026, 10, 15));
    for (const bad of ["2026-11-15", "yesterday", "1795308930922", "2026-13-01T00:00:00Z"])
      expect(() => nowOf(bad)).toThrow(/SANDBOX_NOW must be an ISO 8601 date-time/);
  });
});
