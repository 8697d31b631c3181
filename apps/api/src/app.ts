import { existsSync } from "node:fs";
import path from "node:path";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import { sessions } from "@vbo/db";
import { isRole } from "@vbo/domain";
import express from "express";
import type { Logger } from "pino";
import { readSessionToken, sessionIdleMs } from "./auth/sessionCookie.ts";
import type { AppDeps, Context, SessionUser } from "./context.ts";
import { auditCsvHandler } from "./export/auditCsv.ts";
import { authenticationsCsvHandler } from "./export/authenticationsCsv.ts";
import { boundedInput } from "./http/boundedInput.ts";
import { indexHtml } from "./http/indexHtml.ts";
import { securityHeaders } from "./http/securityHeaders.ts";
import { requestIdOf, requestLogger, requestLogging } from "./requestLog.ts";
import { appRouter } from "./router/index.ts";

export type AppOptions = AppDeps & { webDist?: string };

export function createApp(deps: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use(requestLogging(deps.log, (req) => req.path === "/healthz"));
  app.use(securityHeaders());

  app.get("/healthz", async (_req, res) => {
    try {
      await deps.db.query("SELECT 1");
      res.json({ status: "ok", upstream: deps.upstream, db: deps.db.kind });
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
  app.use("/trpc", refuseCrossOriginMutations(deps.log));
  const userOf = (req: express.Request) => sessionUserOf(deps, readSessionToken(req.headers.cookie));
  app.get("/export/audit.csv", auditCsvHandler(deps, userOf));
  app.get("/export/authentications.csv", authenticationsCsvHandler(deps, userOf));

  app.use(
    "/trpc",
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) => createContext(deps, req, res),
      onError: ({ error, path: procedure, ctx }) => {
        if (
          error.code === "INTERNAL_SERVER_ERROR" ||
          error.code === "BAD_GATEWAY" ||
          error.code === "GATEWAY_TIMEOUT"
        ) {
          (ctx?.log ?? deps.log).warn({ procedure, code: error.code, err: error.cause ?? error }, error.message);
        }
      },
    }),
  );

  if (deps.webDist && existsSync(path.join(deps.webDist, "index.html"))) {
    const dist = deps.webDist;
    app.use(express.static(dist, { index: false, maxAge: "1h", immutable: false }));
    app.get("/{*page}", indexHtml(dist));
  }
  return app;
}

/** The signed-in staff user of a request, or null (no cookie, unknown, revoked, idle, expired or disabled). */
async function sessionUserOf(deps: AppDeps, token: string | null): Promise<SessionUser | null> {
  if (!token) return null;
  return deps.sessions.get(token, async () => {
    const found = await sessions.validate(deps.db, token, { idleMs: sessionIdleMs });
    if (!found || !isRole(found.user.role)) return null;
    return { id: found.user.id, email: found.user.email, name: found.user.name, role: found.user.role };
  });
}

async function createContext(deps: AppDeps, req: express.Request, res: express.Response): Promise<Context> {
  const token = readSessionToken(req.headers.cookie);
  const user = await sessionUserOf(deps, token);
  return {
    ...deps,
    requestId: requestIdOf(req),
    log: requestLogger(req, deps.log),
    ip: req.ip ?? null,
    userAgent: req.get("user-agent")?.slice(0, 300) ?? null,
    secure: req.secure,
    sessionToken: token,
    user,
    setCookie: (cookie) => res.append("set-cookie", cookie),
    auditNote: {},
  };
}

/** Mutations must come from our own pages: a POST whose Origin is another site's (or missing) is refused. */
function refuseCrossOriginMutations(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    const origin = req.get("origin");
    if (origin && origin === `${req.protocol}://${req.get("host")}`) return next();
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
