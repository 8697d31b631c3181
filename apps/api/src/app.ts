import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express from "express";
import { pinoHttp } from "pino-http";
import type { AppDeps } from "./context.ts";
import { appRouter } from "./router/index.ts";

export type AppOptions = AppDeps & { webDist?: string };

const requestIdPattern = /^[\w.:-]{1,100}$/;

export function createApp(deps: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && requestIdPattern.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" },
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url?.split("?")[0] }) },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", upstream: deps.upstream });
  });

  app.use(
    "/trpc",
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req }) => ({ ...deps, requestId: String(req.id), log: req.log }),
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
    app.get("/{*page}", (_req, res) => {
      res.setHeader("cache-control", "no-cache");
      res.sendFile(path.join(dist, "index.html"));
    });
  }
  return app;
}
