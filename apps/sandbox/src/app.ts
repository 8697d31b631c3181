import express from "express";
import { type Clock, type Instant, instantMs, startClock } from "./clock.ts";
import { controlRouter, type ResetSettings } from "./controlRoutes.ts";
import { createEcommerceState } from "./ecommerce/ecommerceState.ts";
import { ecommerceRouter } from "./ecommerce/routes.ts";
import { readSandboxEnv } from "./env.ts";
import { basicAuth, type Credentials } from "./http/basicAuth.ts";
import { ecommerceErrorHandler, sendEcommerceError } from "./http/ecommerceErrors.ts";
import { type ErrorSender, sendError, verifoneErrorHandler } from "./http/errors.ts";
import { FaultBook, faultInjector } from "./http/faults.ts";
import { latency } from "./http/latency.ts";
import { threedsRouter } from "./threeds/routes.ts";
import { createThreeDSState } from "./threeds/threedsState.ts";

/** Options left out come from the environment (SANDBOX_SEED, SANDBOX_AUTHENTICATIONS, …; see env.ts). */
export type SandboxOptions = {
  seed?: number;
  /**
   * Where the seeded history ends (SANDBOX_NOW; default: the real time at start-up): an epoch-ms number, a Date or an
   * ISO 8601 date-time. The sandbox's clock starts there and runs at real speed.
   */
  now?: Instant;
  authentications?: number;
  /** Seeded reuse tokens (SANDBOX_TOKENS, default 500). */
  tokens?: number;
  /** Seeded eCommerce transactions, children included (SANDBOX_TRANSACTIONS, default 3000). */
  transactions?: number;
  latencyMs?: number;
  userId?: string;
  apiKey?: string;
};

export type Sizes = { authentications: number; tokens: number; transactions: number };

/**
 * `reset()` regenerates everything from the configured seed and sizes; `reset(seed, authentications)` (the original
 * form) or `reset({ seed, authentications, tokens, transactions })` override some. Pending faults are cleared.
 */
export type ResetFunction = (seedOrSettings?: number | ResetSettings, authentications?: number) => void;

export type Sandbox = {
  app: express.Express;
  reset: ResetFunction;
  credentials: Credentials;
};

type Settings = Required<Omit<SandboxOptions, "now">> & { now: number };

function resolve(options: SandboxOptions): Settings {
  const { seed, now, authentications, tokens, transactions, latencyMs, userId, apiKey } = options;
  const complete = [seed, now, authentications, tokens, transactions, latencyMs, userId, apiKey].every(
    (v) => v !== undefined,
  );
  const env = complete ? null : readSandboxEnv();
  return {
    seed: seed ?? env?.seed ?? 1,
    now: now !== undefined ? instantMs(now) : (env?.now ?? Date.now()),
    authentications: authentications ?? env?.authentications ?? 20_000,
    tokens: tokens ?? env?.tokens ?? 500,
    transactions: transactions ?? env?.transactions ?? 3000,
    latencyMs: latencyMs ?? env?.latencyMs ?? 0,
    userId: userId ?? env?.userId ?? "sandbox-user",
    apiKey: apiKey ?? env?.apiKey ?? "sandbox-key",
  };
}

/** A fresh sandbox: the history ends at `nowMs`, where its clock starts. */
function createState(seed: number, sizes: Sizes, nowMs: number) {
  const clock: Clock = startClock(nowMs);
  return {
    seed,
    sizes,
    nowMs,
    clock,
    threeds: createThreeDSState(seed, sizes.authentications, nowMs),
    ecommerce: createEcommerceState(seed, sizes, nowMs, clock()),
  };
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const settings = resolve(options);
  const credentials: Credentials = { userId: settings.userId, apiKey: settings.apiKey };
  const faults = new FaultBook();
  const configured: Sizes = {
    authentications: settings.authentications,
    tokens: settings.tokens,
    transactions: settings.transactions,
  };
  let current = createState(settings.seed, configured, settings.now);
  // Every record the sandbox creates is dated by this clock; the default transactions window ends at it.
  const clock: Clock = () => current.clock();

  // A reset is a fresh start: the same history (same seed, sizes and `now`), and the clock starts again at `now`.
  const reset = (wanted: ResetSettings = {}) => {
    const { seed = settings.seed, ...sizes } = wanted;
    current = createState(seed, { ...configured, ...definedSizes(sizes) }, settings.now);
    faults.clear();
    return { seed, ...current.sizes };
  };

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // hashing multi-megabyte pages would cost more than it saves; Verifone sends none either
  app.set("query parser", false); // Verifone's grammar is parsed from the raw query string (queryGrammar.ts)

  app.use(
    "/__sandbox",
    controlRouter({
      faults,
      reset,
      health: () => ({
        seed: current.seed,
        now: new Date(current.clock()).toISOString(),
        historyEnd: new Date(current.nowMs).toISOString(),
        authentications: current.threeds.store.size,
        tokens: current.ecommerce.tokens.size,
        transactions: current.ecommerce.store.size,
        latencyMs: settings.latencyMs,
      }),
    }),
  );

  // Verifone's paths, per API family (each answers errors in its own shape): latency, then injected faults, then
  // Basic auth, then the API itself.
  const guarded = (send: ErrorSender) => {
    const router = express.Router();
    router.use(latency(() => settings.latencyMs));
    router.use(faultInjector(faults, send));
    router.use(basicAuth(() => credentials, send));
    router.use(express.json({ limit: "1mb" }));
    return router;
  };
  const noRoute: express.RequestHandler = (req, res) =>
    (req.baseUrl.startsWith("/oidc/api") ? sendEcommerceError : sendError)(
      res,
      404,
      `No route for ${req.method} ${req.originalUrl.split("?")[0]}`,
    );

  const threeds = guarded(sendError);
  threeds.use(
    threedsRouter(
      () => current.threeds,
      () => credentials,
      clock,
    ),
  );
  threeds.use(noRoute);
  app.use("/oidc/3ds-service", threeds);

  const ecommerce = guarded(sendEcommerceError);
  ecommerce.use(ecommerceRouter(() => current.ecommerce, clock));
  ecommerce.use(noRoute);
  ecommerce.use(ecommerceErrorHandler);
  app.use("/oidc/api", ecommerce);

  const otherVerifonePaths = guarded(sendError);
  otherVerifonePaths.use(noRoute);
  app.use("/oidc", otherVerifonePaths);

  app.use(noRoute);
  app.use(verifoneErrorHandler);

  return {
    app,
    reset: (seedOrSettings, authentications) =>
      void reset(typeof seedOrSettings === "object" ? seedOrSettings : { seed: seedOrSettings, authentications }),
    credentials,
  };
}

function definedSizes(sizes: Partial<Sizes>): Partial<Sizes> {
  return Object.fromEntries(Object.entries(sizes).filter(([, v]) => v !== undefined));
}
