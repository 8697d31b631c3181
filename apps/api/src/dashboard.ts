import path from "node:path";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { indexHtml } from "./http/indexHtml.ts";

/** Vite names everything under assets/ by a hash of its content: a changed file is a new URL. */
const immutable = "public, max-age=31536000, immutable";

/**
 * The built dashboard: precompressed `.br`/`.gz` files (written by the web build) chosen by Accept-Encoding, hashed
 * assets cached for a year, everything else (index.html for every page route, unhashed public files) revalidated.
 * index.html is never served as a file: it carries a nonce per response.
 */
export function dashboard(dist: string): express.Router {
  const assetsDir = path.join(dist, "assets") + path.sep;
  const files = expressStaticGzip(dist, {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader("cache-control", file.startsWith(assetsDir) ? immutable : "no-cache"),
    },
  });
  const router = express.Router();
  router.use((req, res, next) => (req.path === "/index.html" ? next() : files(req, res, next)));
  // A hashed file this build does not have (a page still open from the previous deploy): not the HTML page.
  router.use("/assets", (_req, res) => {
    res.status(404).type("text/plain").send("not found");
  });
  // Every page route (and index.html itself) is the page, with this response's CSP nonce.
  router.get("/{*page}", indexHtml(dist));
  return router;
}
