import { readFileSync } from "node:fs";
import path from "node:path";
import type express from "express";

// The placeholder vite.config.ts writes wherever a nonce belongs (`html.cspNonce`).
const placeholder = "__CSP_NONCE__";

/** The dashboard's index.html, with this response's CSP nonce in place of Vite's placeholder. */
export function indexHtml(dist: string): express.RequestHandler {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  return (_req, res) => {
    res.setHeader("cache-control", "no-cache");
    res.type("html").send(html.replaceAll(placeholder, res.locals.cspNonce as string));
  };
}
