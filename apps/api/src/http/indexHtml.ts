import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type express from "express";

// The placeholder vite.config.ts writes wherever a nonce belongs (`html.cspNonce`).
const placeholder = "__CSP_NONCE__";

/**
 * The dashboard's index.html, with this response's CSP nonce in place of Vite's placeholder — so it cannot be
 * precompressed like the hashed assets: it is compressed here, per response (a page of a few KB: well under a ms).
 */
export function indexHtml(dist: string): express.RequestHandler {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  return (req, res) => {
    const body = Buffer.from(html.replaceAll(placeholder, res.locals.cspNonce as string));
    const accepts = req.acceptsEncodings("br", "gzip", "identity");
    res.setHeader("cache-control", "no-cache");
    res.setHeader("vary", "accept-encoding");
    res.type("html");
    if (accepts === "br") {
      res.setHeader("content-encoding", "br");
      res.send(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
    } else if (accepts === "gzip") {
      res.setHeader("content-encoding", "gzip");
      res.send(gzipSync(body));
    } else {
      res.send(body);
    }
  };
}
