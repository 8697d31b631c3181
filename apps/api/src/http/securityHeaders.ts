import { randomBytes } from "node:crypto";
import type express from "express";
import helmet from "helmet";

const nonceOf = (res: express.Response): string => res.locals.cspNonce as string;

/** Answers that are data, never a page: their CSP needs no nonce (nothing in them is rendered). */
const isData = (path: string) => path.startsWith("/trpc/") || path.startsWith("/export/") || path === "/healthz";

function helmetWith(styleSrc: (string | ((req: unknown, res: unknown) => string))[]) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc,
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: "no-referrer" },
  });
}

/**
 * Security headers on every answer. The dashboard runs no inline script (the colour-scheme script is a file), so
 * script-src is 'self' alone; Mantine injects <style> tags, which carry the per-response nonce the index page hands
 * it (see indexHtml.ts) — the narrowest allowance, no 'unsafe-inline'. API answers (JSON, CSV) get the same policy
 * without a nonce: no random bytes drawn on the hot path for a page that is never rendered. HSTS only over HTTPS
 * (directly or through a trusted proxy): over plain HTTP a browser ignores it, and it must not pin a developer's
 * localhost.
 */
export function securityHeaders(): express.RequestHandler[] {
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });
  const pageHeaders = helmetWith(["'self'", (_req, res) => `'nonce-${nonceOf(res as express.Response)}'`]);
  const dataHeaders = helmetWith(["'self'"]);
  return [
    (req, res, next) => {
      if (isData(req.path)) return dataHeaders(req, res, next);
      res.locals.cspNonce = randomBytes(18).toString("base64");
      pageHeaders(req, res, next);
    },
    (req, res, next) => {
      res.setHeader(
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
      );
      if (req.secure) hsts(req, res, next);
      else next();
    },
  ];
}
