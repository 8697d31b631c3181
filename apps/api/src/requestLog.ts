import { randomUUID } from "node:crypto";
import { findCardNumbers } from "@vbo/domain";
import type express from "express";
import type { Logger } from "pino";

// One line per request (id, method, path — never the query, which can carry filter values — status, duration) and a
// request id in `x-request-id`, taken from the caller when it looks like one. Written by hand rather than with
// pino-http: that wraps serializers and builds a child logger for every request, which cost a quarter of the API's
// throughput in bench/ (see bench/RESULTS.md).
const requestIdPattern = /^[\w.:-]{1,100}$/;

type RequestMeta = { id: string; log: Logger };
const metaOf = new WeakMap<express.Request, RequestMeta>();

export function requestLogging(log: Logger, quiet: (req: express.Request) => boolean): express.RequestHandler {
  return (req, res, next) => {
    const given = req.headers["x-request-id"];
    const usable = typeof given === "string" && requestIdPattern.test(given) && findCardNumbers(given).length === 0;
    const id = usable ? given : randomUUID();
    res.setHeader("x-request-id", id);
    let child: Logger | undefined;
    metaOf.set(req, {
      id,
      get log() {
        child ??= log.child({ reqId: id });
        return child;
      },
    });
    if (!quiet(req)) {
      const started = performance.now();
      res.once("finish", () => {
        const ms = Math.round(performance.now() - started);
        log.info({ reqId: id, method: req.method, path: req.path, status: res.statusCode, ms }, "request completed");
      });
    }
    next();
  };
}

/** The request's id (as sent back in `x-request-id`). */
export function requestIdOf(req: express.Request): string {
  return metaOf.get(req)?.id ?? "unknown";
}

/** A logger that tags every line with the request's id. */
export function requestLogger(req: express.Request, fallback: Logger): Logger {
  return metaOf.get(req)?.log ?? fallback;
}
