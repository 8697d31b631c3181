import { isIP } from "node:net";
import path from "node:path";
import { defaultMfaRequiredRoles, parseSsoRoleMap, type Role, roles, type SsoRoleMap } from "@vbo/domain";
import { z } from "zod";
import type { SsoSettings } from "./context.ts";
import { loadSandbox } from "./loadSandbox.ts";

/** The only reader of process.env in the API. Parsed once at start-up; a bad setting stops the process with its name. */
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Which hops' X-Forwarded-* to believe: a hop count, or addresses / subnets / loopback | linklocal | uniquelocal. */
export type TrustProxy = number | string[];
const namedRanges = new Set(["loopback", "linklocal", "uniquelocal"]);
const isTrustedHop = (item: string) => {
  const [address = "", bits, ...rest] = item.split("/");
  if (namedRanges.has(item)) return true;
  if (rest.length > 0 || !isIP(address)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
};
const trustProxy = z
  .string()
  .trim()
  .default("loopback")
  .transform((value, ctx): TrustProxy => {
    if (/^\d+$/.test(value)) return Number(value);
    const items = value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    const bad = items.filter((item) => !isTrustedHop(item));
    if (items.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `a hop count, or addresses/subnets (e.g. 10.0.0.0/8) or loopback, linklocal, uniquelocal; not ${bad.join(", ") || "nothing"}`,
      });
      return z.NEVER;
    }
    return items;
  });
/** The origin staff open the back office at, e.g. https://backoffice.example.com (a path or query is refused). */
const publicUrl = z.preprocess(
  blankToUndefined,
  z
    .url({ protocol: /^https?$/ })
    .refine(
      (u) => URL.canParse(u) && new URL(u).origin === u.replace(/\/$/, ""),
      "an origin only (scheme, host, port), no path",
    )
    .transform((u) => (URL.canParse(u) ? new URL(u).origin : u))
    .optional(),
);

const isLoopbackHost = (host: string) => host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
/** An identity provider's issuer: https, or http on a loopback host only (a provider on the same machine, in tests). */
const oidcIssuer = z.preprocess(
  blankToUndefined,
  z
    .url({ protocol: /^https?$/ })
    .refine(
      (u) => !URL.canParse(u) || u.startsWith("https:") || isLoopbackHost(new URL(u).hostname),
      "must be https (http only on localhost / 127.0.0.1)",
    )
    .optional(),
);

/** `group=role,group=role`: which identity-provider claim value grants which role. */
const oidcRoleMap = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((text, ctx): SsoRoleMap => {
      const parsed = parseSsoRoleMap(text);
      if ("map" in parsed) return parsed.map;
      ctx.addIssue({
        code: "custom",
        message: `expected group=role,… (${parsed.problems.map((p) => `${p.entry}: ${p.message}`).join("; ")})`,
      });
      return z.NEVER;
    })
    .optional(),
);

const emailList = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email({ message: "a comma-separated list of email addresses" })))
    .default([]),
);

const yesNo = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(["true", "false", "1", "0", "yes", "no"], { message: "true or false" })
      .transform((v) => v === "true" || v === "1" || v === "yes")
      .default(fallback),
  );

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: port(3000),
    /** Default: 127.0.0.1 for the embedded demo (it publishes demo passwords), 0.0.0.0 with a Verifone upstream. */
    HOST: z.preprocess(blankToUndefined, z.string().optional()),
    PUBLIC_URL: publicUrl,
    TRUST_PROXY: trustProxy,
    SANDBOX_PORT: port(3100),
    DATA_DIR: z.string().default(".data"),
    DATABASE_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    VERIFONE_BASE_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    VERIFONE_REGION: z.preprocess(blankToUndefined, z.enum(["emea", "us", "nz", "cst", "uscst"]).optional()),
    VERIFONE_USER_ID: z.preprocess(blankToUndefined, z.string().optional()),
    VERIFONE_API_KEY: z.preprocess(blankToUndefined, z.string().optional()),
    VERIFONE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    VERIFONE_READ_DEADLINE_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WEB_DIST: z.string().optional(),
    /** Comma-separated roles that must use a second factor, or `none` (default: see mfaRequiredRoles). */
    MFA_REQUIRED_ROLES: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform((v) => (v.trim().toLowerCase() === "none" ? [] : v.split(",").map((r) => r.trim())))
        .pipe(z.array(z.enum(roles)))
        .optional(),
    ),
    /** 32 bytes, hex (64 characters) or base64: the key TOTP secrets are encrypted with (AES-256-GCM). */
    TOTP_ENCRYPTION_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform((v) => (/^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, "hex") : Buffer.from(v, "base64")))
        .refine((key) => key.length === 32, "must be 32 bytes, as 64 hex characters or base64")
        .optional(),
    ),
    /** Only read by `pnpm create-admin`, to avoid an interactive prompt. */
    ADMIN_PASSWORD: z.preprocess(blankToUndefined, z.string().optional()),
    ANALYTICS_SYNC_INTERVAL_S: z.coerce.number().int().min(5).max(86_400).default(60),
    ANALYTICS_BACKFILL_DAYS: z.coerce.number().int().min(1).max(3_650).default(400),
    ANALYTICS_SYNC_OVERLAP_S: z.coerce.number().int().min(0).max(604_800).default(1_800),
    /** Single sign-on (OIDC): the identity provider and this back office's client registered there. */
    OIDC_ISSUER: oidcIssuer,
    OIDC_CLIENT_ID: z.preprocess(blankToUndefined, z.string().max(500).optional()),
    OIDC_CLIENT_SECRET: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
    /** The ID token / userinfo claim holding the user's groups (a string or a list of strings). */
    OIDC_ROLE_CLAIM: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200).default("groups")),
    OIDC_ROLE_MAP: oidcRoleMap,
    OIDC_SCOPES: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .default("openid email profile")
        .refine((v) => v.split(/\s+/).includes("openid"), "must include openid"),
    ),
    /** The provider's name on the sign-in button: "Sign in with <OIDC_DISPLAY_NAME>". */
    OIDC_DISPLAY_NAME: z.preprocess(blankToUndefined, z.string().trim().max(60).default("single sign-on")),
    /** `false`: only single sign-on, except for BREAK_GLASS_ADMINS (password and passkey sign-in refused). */
    PASSWORD_LOGIN: yesNo(true),
    BREAK_GLASS_ADMINS: emailList,
  })
  .superRefine((env, ctx) => {
    const oidc = {
      OIDC_ISSUER: env.OIDC_ISSUER,
      OIDC_CLIENT_ID: env.OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET,
      OIDC_ROLE_MAP: env.OIDC_ROLE_MAP,
    };
    const missing = Object.entries(oidc).filter(([, v]) => v === undefined);
    if (missing.length > 0 && missing.length < Object.keys(oidc).length) {
      for (const [name] of missing)
        ctx.addIssue({ code: "custom", path: [name], message: "required with single sign-on (OIDC_ISSUER and co.)" });
    }
    if (!env.PASSWORD_LOGIN && !env.OIDC_ISSUER)
      ctx.addIssue({
        code: "custom",
        path: ["PASSWORD_LOGIN"],
        message: "false needs single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ROLE_MAP)",
      });
  })
  .superRefine((env, ctx) => {
    const upstream = env.VERIFONE_BASE_URL ?? env.VERIFONE_REGION;
    const anyVerifone = upstream || env.VERIFONE_USER_ID || env.VERIFONE_API_KEY;
    if (!anyVerifone) return; // embedded default: the sandbox is the upstream
    if (!upstream)
      ctx.addIssue({
        code: "custom",
        path: ["VERIFONE_BASE_URL"],
        message: "set VERIFONE_BASE_URL or VERIFONE_REGION",
      });
    if (!env.VERIFONE_USER_ID)
      ctx.addIssue({ code: "custom", path: ["VERIFONE_USER_ID"], message: "required with a Verifone upstream" });
    if (!env.VERIFONE_API_KEY)
      ctx.addIssue({ code: "custom", path: ["VERIFONE_API_KEY"], message: "required with a Verifone upstream" });
    if (!env.PUBLIC_URL)
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message: "required with a Verifone upstream: the origin staff use (mutations must come from it)",
      });
    // Real money and real staff: the embedded database is for the sandbox only.
    if (!env.DATABASE_URL)
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "required with a Verifone upstream (PostgreSQL)",
      });
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function usesSandbox(env: Env): boolean {
  return !(env.VERIFONE_BASE_URL ?? env.VERIFONE_REGION);
}

/** The interface to listen on: HOST, else loopback only for the embedded demo, all interfaces for production. */
export function listenHost(env: Env): string {
  return env.HOST ?? (usesSandbox(env) ? "127.0.0.1" : "0.0.0.0");
}

/**
 * DATA_DIR as an absolute path. A relative one is taken from where the user ran the command (`pnpm start` at the
 * repository root puts the data in ./.data there), not from apps/api where pnpm runs the script.
 */
export function dataDir(env: Env): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), env.DATA_DIR);
}

/** MFA_REQUIRED_ROLES, defaulting to support, manager and admin with Verifone, none in the embedded demo. */
export function mfaRequiredRoles(env: Env): readonly Role[] {
  return env.MFA_REQUIRED_ROLES ?? (usesSandbox(env) ? [] : defaultMfaRequiredRoles);
}

/** Single sign-on's settings, or null when OIDC_ISSUER is not set. */
export function ssoSettings(env: Env): SsoSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_ROLE_MAP) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    roleClaim: env.OIDC_ROLE_CLAIM,
    roleMap: env.OIDC_ROLE_MAP,
    scopes: env.OIDC_SCOPES,
    displayName: env.OIDC_DISPLAY_NAME,
  };
}

export function webDistDir(env: Env): string {
  return env.WEB_DIST ?? path.resolve(import.meta.dirname, "../../web/dist");
}

/** The embedded sandbox's own settings (SANDBOX_SEED, SANDBOX_AUTHENTICATIONS, SANDBOX_LATENCY_MS, …). */
export async function loadSandboxEnv() {
  const { readSandboxEnv } = await loadSandbox();
  return readSandboxEnv(process.env);
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
