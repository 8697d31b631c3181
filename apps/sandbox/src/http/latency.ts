import type { RequestHandler } from "express";

/** Holds every request for `latencyMs()` before handling it: a stand-in for the internet between us and Verifone. */
export function latency(latencyMs: () => number): RequestHandler {
  return (_req, _res, next) => {
    const ms = latencyMs();
    if (ms > 0) setTimeout(next, ms);
    else next();
  };
}
