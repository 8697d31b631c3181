import { existsSync } from "node:fs";
import path from "node:path";
import type { TRPCError } from "@trpc/server";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import { sessions } from "@vbo/db";
import { isRole } from "@vbo/domain";
import express from "express";
import type { Logger } from "pino";
import { readSyncStates, statusOf } from "./analytics/storeStatus.ts";
import { readDeviceToken } from "./auth/deviceCookie.ts";
import { readSessionToken, sessionIdleMs } from "./auth/sessionCookie.ts";
import { ssoRoutes } from "./auth/sso/ssoRoutes.ts";
import type { AppDeps, Context, SessionState, SessionUser } from "./context.ts";
import { dashboard } from "./dashboard.ts";
import type { TrustProxy } from "./env.ts";
import { auditCsvHandler } from "./export/auditCsv.ts";
import { authenticationsCsvHandler } from "./export/authenticationsCsv.ts";
import { transactionsCsvHandler } from "./export/transactionsCsv.ts";
import { boundedInput } from "./http/boundedInput.ts";
import { securityHeaders } from "./http/securityHeaders.ts";
import { singleQuery } from "./http/singleQuery.ts";
import { requestIdOf, requestLogger, requestLogging } from "./requestLog.ts";
import { appRouter } from "./router/index.ts";

export type AppOptions = AppDeps & { webDist?: string; publicUrl?: string; trustProxy?: TrustProxy };

export function createApp(deps: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-* (client address, https) only from the hops TRUST_PROXY names.
  app.set("trust proxy", deps.trustProxy ?? "loopback");
  const origins = allowedOrigins(deps.publicUrl);

  app.use(requestLogging(deps.log, (req) => req.path === "/healthz"));
  app.use(securityHeaders());

  app.get("/healthz", async (_req, res) => {
    try {
      await deps.db.query("SELECT 1");
      const { syncedThrough, lagSeconds } = statusOf(await readSyncStates(deps.db), deps.analytics?.now?.());
      res.json({ status: "ok", upstream: deps.upstream, db: deps.db.kind, analytics: { syncedThrough, lagSeconds } });
    } catch (err) {
      deps.log.error({ err }, "health check: database unreachable");
      res.status(503).json({
        status: "error",
        failing: "db",
        upstream: deps.upstream,
        db: deps.db.kind,
        message: "database unreachable",
      });
    }
  });

  app.use("/trpc", boundedInput());
  app.use("/trpc", refuseCrossOriginMutations(deps.log, origins));
  const onError = ({ error, path: procedure, ctx }: { error: TRPCError; path?: string; ctx?: Context }) => {
    if (error.code === "INTERNAL_SERVER_ERROR" || error.code === "BAD_GATEWAY" || error.code === "GATEWAY_TIMEOUT") {
      (ctx?.log ?? deps.log).warn({ procedure, code: error.code, err: error.cause ?? error }, error.message);
    }
  };
  const trpcContext = (req: express.Request, res: express.Response) => createContext(deps, req, res, origins.https);
  // Before the routes below, so the lists' hot path does not walk past them.
  app.use("/trpc", singleQuery({ router: appRouter, createContext: trpcContext, onError }));
  const userOf = (req: express.Request) => sessionUserOf(deps, readSessionToken(req.headers.cookie));
  app.get("/export/audit.csv", auditCsvHandler(deps, userOf));
  app.get("/export/authentications.csv", authenticationsCsvHandler(deps, userOf));
  app.get("/export/transactions.csv", transactionsCsvHandler(deps, userOf));

  // Single sign-on's redirects (GET /auth/oidc/start, /auth/oidc/callback): browser navigations, not tRPC.
  app.use(ssoRoutes(deps, trpcContext, deps.publicUrl));

  app.use(
    "/trpc",
    createExpressMiddleware({ router: appRouter, createContext: ({ req, res }) => trpcContext(req, res), onError }),
  );

  if (deps.webDist && existsSync(path.join(deps.webDist, "index.html"))) {
    app.use(dashboard(deps.webDist));
  }
  return app;
}

/** The signed-in staff user of a request, or null (no cookie, unknown, revoked, idle, expired, disabled, or not
 * through every step of signing in). */
async function sessionUserOf(deps: AppDeps, token: string | null): Promise<SessionUser | null> {
  const state = await sessionStateOf(deps, token);
  return state && !state.restriction ? state.user : null;
}

async function sessionStateOf(deps: AppDeps, token: string | null): Promise<SessionState | null> {
  if (!token) return null;
  return deps.sessions.get(token, async () => {
    const found = await sessions.validate(deps.db, token, { idleMs: sessionIdleMs });
    if (!found || !isRole(found.user.role)) return null;
    const user = { id: found.user.id, email: found.user.email, name: found.user.name, role: found.user.role };
    return { id: found.session.id, user, restriction: found.session.restriction };
  });
}

async function createContext(
  deps: AppDeps,
  req: express.Request,
  res: express.Response,
  publicHttps: boolean,
): Promise<Context> {
  const token = readSessionToken(req.headers.cookie);
  const session = await sessionStateOf(deps, token);
  const user = session && !session.restriction ? session.user : null;
  return {
    ...deps,
    requestId: requestIdOf(req),
    log: requestLogger(req, deps.log),
    ip: req.ip ?? null,
    userAgent: req.get("user-agent")?.slice(0, 300) ?? null,
    secure: req.secure || publicHttps,
    sessionToken: token,
    user,
    session,
    deviceToken: readDeviceToken(req.headers.cookie),
    origin: `${req.protocol}://${req.get("host")}`,
    setCookie: (cookie) => res.append("set-cookie", cookie),
    auditNote: {},
  };
}

type AllowedOrigins = { accepts(req: express.Request, origin: string): boolean; https: boolean };

/**
 * Where mutations may come from. With PUBLIC_URL: that origin only, whatever Host a balancer forwards. Without (the
 * embedded demo): the request's own origin, and only on a loopback name — a page on another host that resolves to
 * this machine (DNS rebinding: Host and Origin both evil.example) does not pass.
 */
function allowedOrigins(publicUrl: string | undefined): AllowedOrigins {
  if (publicUrl) {
    const origin = new URL(publicUrl).origin;
    return { accepts: (_req, given) => given === origin, https: origin.startsWith("https:") };
  }
  return {
    accepts: (req, given) => given === `${req.protocol}://${req.get("host")}` && isLoopbackOrigin(given),
    https: false,
  };
}

function isLoopbackOrigin(origin: string): boolean {
  const host = URL.canParse(origin) ? new URL(origin).hostname : "";
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Mutations must come from our own pages: a POST whose Origin is another site's (or missing) is refused. */
function refuseCrossOriginMutations(log: Logger, origins: AllowedOrigins): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    const origin = req.get("origin");
    if (origin && origins.accepts(req, origin)) return next();
    requestLogger(req, log).warn({ origin: origin ?? null }, "refused a mutation without a same-origin Origin header");
    res.status(403).json({
      error: {
        message: "Cross-origin request refused: send the Origin header of this site",
        code: -32003,
        data: { code: "FORBIDDEN", httpStatus: 403 },
      },
    });
  };
}
