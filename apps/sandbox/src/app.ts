import express from "express";
import { controlRouter } from "./controlRoutes.ts";
import { readSandboxEnv } from "./env.ts";
import { basicAuth, type Credentials } from "./http/basicAuth.ts";
import { sendError, verifoneErrorHandler } from "./http/errors.ts";
import { FaultBook, faultInjector } from "./http/faults.ts";
import { latency } from "./http/latency.ts";
import { threedsRouter } from "./threeds/routes.ts";
import { createThreeDSState } from "./threeds/threedsState.ts";

/** Options left out come from the environment (SANDBOX_SEED, SANDBOX_AUTHENTICATIONS, …; see env.ts). */
export type SandboxOptions = {
  seed?: number;
  authentications?: number;
  latencyMs?: number;
  userId?: string;
  apiKey?: string;
};

export type Sandbox = {
  app: express.Express;
  /** Regenerates every record from `seed` (default: the configured seed) and clears pending faults. */
  reset(seed?: number, authentications?: number): void;
  credentials: Credentials;
};

function resolve(options: SandboxOptions): Required<SandboxOptions> {
  const { seed, authentications, latencyMs, userId, apiKey } = options;
  const complete = [seed, authentications, latencyMs, userId, apiKey].every((v) => v !== undefined);
  const env = complete ? null : readSandboxEnv();
  return {
    seed: seed ?? env?.seed ?? 1,
    authentications: authentications ?? env?.authentications ?? 5000,
    latencyMs: latencyMs ?? env?.latencyMs ?? 0,
    userId: userId ?? env?.userId ?? "sandbox-user",
    apiKey: apiKey ?? env?.apiKey ?? "sandbox-key",
  };
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const settings = resolve(options);
  const credentials: Credentials = { userId: settings.userId, apiKey: settings.apiKey };
  const faults = new FaultBook();
  const current = { seed: settings.seed, threeds: createThreeDSState(settings.seed, settings.authentications) };

  const reset = (seed = settings.seed, authentications = settings.authentications) => {
    current.seed = seed;
    current.threeds = createThreeDSState(seed, authentications);
    faults.clear();
    return { seed, authentications };
  };

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // hashing multi-megabyte pages would cost more than it saves; Verifone sends none either
  app.set("query parser", false); // Verifone's grammar is parsed from the raw query string (queryGrammar.ts)

  app.use(
    "/__sandbox",
    controlRouter({
      faults,
      reset: ({ seed, authentications }) => reset(seed, authentications),
      health: () => ({
        seed: current.seed,
        authentications: current.threeds.store.size,
        latencyMs: settings.latencyMs,
      }),
    }),
  );

  // Verifone's paths: latency, then injected faults, then Basic auth, then the API itself.
  const verifone = express.Router();
  verifone.use(latency(() => settings.latencyMs));
  verifone.use(faultInjector(faults));
  verifone.use(basicAuth(() => credentials));
  verifone.use(express.json({ limit: "1mb" }));
  verifone.use(
    "/3ds-service",
    threedsRouter(
      () => current.threeds,
      () => credentials,
    ),
  );
  // Later: verifone.use("/api", ecommerceRouter(...)) for transactions and tokens.
  verifone.use((req, res) => sendError(res, 404, `No route for ${req.method} ${req.originalUrl.split("?")[0]}`));
  app.use("/oidc", verifone);

  app.use((req, res) => sendError(res, 404, `No route for ${req.method} ${req.originalUrl.split("?")[0]}`));
  app.use(verifoneErrorHandler);

  return { app, reset: (seed, authentications) => void reset(seed, authentications), credentials };
}
