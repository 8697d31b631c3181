import { resolveBaseUrl } from "@vbo/verifone";
import {
  dataDir,
  listenHost,
  loadEnv,
  loadSandboxEnv,
  mfaRequiredRoles,
  ssoSettings,
  usesSandbox,
  webDistDir,
} from "./env.ts";
import { loadSandbox } from "./loadSandbox.ts";
import { createLogger } from "./logger.ts";
import { startApi } from "./server.ts";

async function main() {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const closers: (() => Promise<void>)[] = [];

  let verifone: { baseUrl: string; userId: string; apiKey: string };
  // The analytics sync reads "now" from the upstream's clock: a sandbox with SANDBOX_NOW runs on from that instant.
  let upstreamNow: (() => Date) | undefined;
  if (usesSandbox(env)) {
    // Embedded default: the sandbox stands in for Verifone, in this process.
    const { startSandbox } = await loadSandbox();
    const settings = await loadSandboxEnv();
    const sandbox = await startSandbox({ ...settings, port: env.SANDBOX_PORT });
    const offsetMs = settings.now - Date.now();
    upstreamNow = () => new Date(Date.now() + offsetMs);
    closers.push(sandbox.close);
    verifone = { baseUrl: sandbox.url, userId: settings.userId, apiKey: settings.apiKey };
    log.info({ url: sandbox.url }, "sandbox started (no VERIFONE_* settings: the sandbox is the upstream)");
  } else {
    verifone = {
      baseUrl: resolveBaseUrl({ baseUrl: env.VERIFONE_BASE_URL, region: env.VERIFONE_REGION }),
      userId: env.VERIFONE_USER_ID ?? "",
      apiKey: env.VERIFONE_API_KEY ?? "",
    };
  }

  const api = await startApi({
    port: env.PORT,
    host: listenHost(env),
    trustProxy: env.TRUST_PROXY,
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    verifone: { ...verifone, timeoutMs: env.VERIFONE_TIMEOUT_MS, readDeadlineMs: env.VERIFONE_READ_DEADLINE_MS },
    upstream: usesSandbox(env) ? "sandbox" : "verifone",
    database: { url: env.DATABASE_URL, dataDir: dataDir(env) },
    log,
    webDist: webDistDir(env),
    analytics: {
      sync: true,
      intervalSeconds: env.ANALYTICS_SYNC_INTERVAL_S,
      backfillDays: env.ANALYTICS_BACKFILL_DAYS,
      overlapSeconds: env.ANALYTICS_SYNC_OVERLAP_S,
      now: upstreamNow,
    },
    identity: {
      mfaRequiredRoles: mfaRequiredRoles(env),
      totpKey: env.TOTP_ENCRYPTION_KEY ?? null,
      sso: ssoSettings(env),
      passwordLogin: env.PASSWORD_LOGIN,
      breakGlassAdmins: env.BREAK_GLASS_ADMINS,
    },
  });
  closers.unshift(api.close);
  log.info({ url: `http://localhost:${api.port}` }, "back office listening");
  log.flush();

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    for (const close of closers) await close().catch((err) => log.error({ err }, "close failed"));
    log.flush(() => process.exit(0));
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
