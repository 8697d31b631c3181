import path from "node:path";
import { z } from "zod";

/** The only reader of process.env in the API. Parsed once at start-up; a bad setting stops the process with its name. */
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: port(3000),
    HOST: z.string().default("0.0.0.0"),
    SANDBOX_PORT: port(3100),
    DATA_DIR: z.string().default(".data"),
    DATABASE_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    VERIFONE_BASE_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    VERIFONE_REGION: z.preprocess(blankToUndefined, z.enum(["emea", "us", "nz", "cst", "uscst"]).optional()),
    VERIFONE_USER_ID: z.preprocess(blankToUndefined, z.string().optional()),
    VERIFONE_API_KEY: z.preprocess(blankToUndefined, z.string().optional()),
    VERIFONE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    VERIFONE_READ_DEADLINE_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
    SESSION_SECRET: z.preprocess(blankToUndefined, z.string().min(32).optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WEB_DIST: z.string().optional(),
    /** Only read by `pnpm create-admin`, to avoid an interactive prompt. */
    ADMIN_PASSWORD: z.preprocess(blankToUndefined, z.string().optional()),
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

/**
 * DATA_DIR as an absolute path. A relative one is taken from where the user ran the command (`pnpm start` at the
 * repository root puts the data in ./.data there), not from apps/api where pnpm runs the script.
 */
export function dataDir(env: Env): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), env.DATA_DIR);
}

export function webDistDir(env: Env): string {
  return env.WEB_DIST ?? path.resolve(import.meta.dirname, "../../web/dist");
}

/** The embedded sandbox's own settings (SANDBOX_SEED, SANDBOX_AUTHENTICATIONS, SANDBOX_LATENCY_MS, …). */
export async function loadSandboxEnv() {
  const { readSandboxEnv } = await import("@vbo/sandbox");
  return readSandboxEnv(process.env);
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
