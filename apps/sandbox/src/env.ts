import { parseDateTime } from "./clock.ts";

/**
 * The sandbox's settings from the environment — the only place in the sandbox that reads `process.env`.
 * Bad values fail at once with every problem named.
 */
export type SandboxEnv = {
  port: number;
  /** Where the seeded history ends (epoch ms): SANDBOX_NOW, or the real time when the settings are read. */
  now: number;
  host: string;
  seed: number;
  authentications: number;
  tokens: number;
  transactions: number;
  latencyMs: number;
  userId: string;
  apiKey: string;
};

type Source = Readonly<Record<string, string | undefined>>;

function integer(source: Source, name: string, fallback: number, min: number, max: number, problems: string[]) {
  const raw = source[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return n;
}

function text(source: Source, name: string, fallback: string, problems: string[], forbidColon = false) {
  const raw = source[name];
  if (raw === undefined) return fallback;
  if (raw.trim() === "") problems.push(`${name} must not be empty`);
  else if (forbidColon && raw.includes(":")) problems.push(`${name} must not contain ":" (HTTP Basic user id)`);
  return raw;
}

function instant(source: Source, name: string, problems: string[]): number {
  const raw = source[name];
  if (raw === undefined || raw.trim() === "") return Date.now();
  const ms = parseDateTime(raw);
  if (ms === null) {
    problems.push(`${name} must be an ISO 8601 date-time such as 2026-11-15T09:30:00Z (got ${JSON.stringify(raw)})`);
    return Date.now();
  }
  return ms;
}

export function readSandboxEnv(source: Source = process.env): SandboxEnv {
  const problems: string[] = [];
  const settings: SandboxEnv = {
    port: integer(source, "SANDBOX_PORT", 3100, 0, 65535, problems),
    host: text(source, "SANDBOX_HOST", "127.0.0.1", problems),
    now: instant(source, "SANDBOX_NOW", problems),
    seed: integer(source, "SANDBOX_SEED", 1, 0, 4294967295, problems),
    authentications: integer(source, "SANDBOX_AUTHENTICATIONS", 20_000, 0, 1_000_000, problems),
    tokens: integer(source, "SANDBOX_TOKENS", 500, 0, 1_000_000, problems),
    transactions: integer(source, "SANDBOX_TRANSACTIONS", 3000, 0, 1_000_000, problems),
    latencyMs: integer(source, "SANDBOX_LATENCY_MS", 0, 0, 600_000, problems),
    userId: text(source, "SANDBOX_USER_ID", "sandbox-user", problems, true),
    apiKey: text(source, "SANDBOX_API_KEY", "sandbox-key", problems),
  };
  if (problems.length > 0) throw new Error(`Invalid sandbox settings:\n- ${problems.join("\n- ")}`);
  return settings;
}

/** The Basic-auth credentials a sandbox started from the environment accepts. */
export function sandboxCredentials(source: Source = process.env): { userId: string; apiKey: string } {
  const { userId, apiKey } = readSandboxEnv(source);
  return { userId, apiKey };
}
