import { describe, expect, it } from "vitest";
import { listenHost, mfaRequiredRoles, parseEnv, ssoSettings, usesSandbox } from "./env.ts";

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

  it("MFA_REQUIRED_ROLES: none in the demo, support/manager/admin with Verifone, or as set", () => {
    const verifone = { VERIFONE_REGION: "emea", VERIFONE_USER_ID: "u", VERIFONE_API_KEY: "k" };
    const production = { ...verifone, DATABASE_URL: "postgres://db.internal/bo", PUBLIC_URL: "https://bo.example.com" };
    expect(mfaRequiredRoles(parseEnv({}))).toEqual([]);
    expect(mfaRequiredRoles(parseEnv(production))).toEqual(["support", "manager", "admin"]);
    expect(mfaRequiredRoles(parseEnv({ ...production, MFA_REQUIRED_ROLES: "none" }))).toEqual([]);
    expect(mfaRequiredRoles(parseEnv({ MFA_REQUIRED_ROLES: "admin, operations" }))).toEqual(["admin", "operations"]);
    expect(() => parseEnv({ MFA_REQUIRED_ROLES: "admin,root" })).toThrow(/MFA_REQUIRED_ROLES/);
  });

  it("TOTP_ENCRYPTION_KEY must be 32 bytes", () => {
    expect(parseEnv({ TOTP_ENCRYPTION_KEY: "ab".repeat(32) }).TOTP_ENCRYPTION_KEY).toHaveLength(32);
    expect(parseEnv({ TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }).TOTP_ENCRYPTION_KEY).toHaveLength(
      32,
    );
    expect(() => parseEnv({ TOTP_ENCRYPTION_KEY: "short" })).toThrow(/TOTP_ENCRYPTION_KEY/);
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

describe("single sign-on settings", () => {
  const oidc = {
    OIDC_ISSUER: "https://login.example.com/tenant",
    OIDC_CLIENT_ID: "backoffice",
    OIDC_CLIENT_SECRET: "s3cret",
    OIDC_ROLE_MAP: "backoffice-ops=operations, backoffice-admins=admin",
  };

  it("none by default; password sign-in on", () => {
    const env = parseEnv({});
    expect(ssoSettings(env)).toBeNull();
    expect(env.PASSWORD_LOGIN).toBe(true);
    expect(env.BREAK_GLASS_ADMINS).toEqual([]);
  });

  it("reads the issuer, client, role claim and map, with documented defaults", () => {
    const sso = ssoSettings(parseEnv(oidc));
    expect(sso).toMatchObject({
      issuer: oidc.OIDC_ISSUER,
      clientId: "backoffice",
      clientSecret: "s3cret",
      roleClaim: "groups",
      scopes: "openid email profile",
      displayName: "single sign-on",
    });
    expect([...(sso?.roleMap ?? [])]).toEqual([
      ["backoffice-ops", "operations"],
      ["backoffice-admins", "admin"],
    ]);
  });

  it("names each missing part of a partial configuration", () => {
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET[\s\S]*OIDC_ROLE_MAP/,
    );
  });

  it("refuses a bad role map, an http issuer off this machine, and scopes without openid", () => {
    expect(() => parseEnv({ ...oidc, OIDC_ROLE_MAP: "ops=operator" })).toThrow(
      /OIDC_ROLE_MAP: .*ops=operator: unknown role operator/,
    );
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER: "http://login.example.com" })).toThrow(/OIDC_ISSUER: must be https/);
    expect(ssoSettings(parseEnv({ ...oidc, OIDC_ISSUER: "http://127.0.0.1:4000" }))?.issuer).toBe(
      "http://127.0.0.1:4000",
    );
    expect(() => parseEnv({ ...oidc, OIDC_SCOPES: "email groups" })).toThrow(/OIDC_SCOPES: must include openid/);
  });

  it("PASSWORD_LOGIN=false needs single sign-on; BREAK_GLASS_ADMINS is a list of emails", () => {
    expect(() => parseEnv({ PASSWORD_LOGIN: "false" })).toThrow(/PASSWORD_LOGIN: false needs single sign-on/);
    expect(() => parseEnv({ ...oidc, PASSWORD_LOGIN: "maybe" })).toThrow(/PASSWORD_LOGIN: true or false/);
    const env = parseEnv({ ...oidc, PASSWORD_LOGIN: "false", BREAK_GLASS_ADMINS: " Root@Example.com, ops@x.io " });
    expect(env.PASSWORD_LOGIN).toBe(false);
    expect(env.BREAK_GLASS_ADMINS).toEqual(["root@example.com", "ops@x.io"]);
    expect(() => parseEnv({ ...oidc, BREAK_GLASS_ADMINS: "root" })).toThrow(/BREAK_GLASS_ADMINS/);
  });
});
