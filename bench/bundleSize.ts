import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * JS the browser loads before the first screen: index.html's module script plus its modulepreloads, gzipped, and as
 * the API sends it to a browser that accepts brotli (the build's precompressed `.br`, else the file itself).
 */
export function firstScreenJs(distDir: string): {
  files: { file: string; raw: number; gzip: number; br: number }[];
  raw: number;
  gzip: number;
  br: number;
} {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? "");
  const files = [...new Set(refs)].map((ref) => {
    const file = path.join(distDir, ref.replace(/^\//, ""));
    const content = readFileSync(file);
    const br = existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : content.length;
    return { file: ref, raw: content.length, gzip: gzipSync(content).length, br };
  });
  const sum = (key: "raw" | "gzip" | "br") => files.reduce((s, f) => s + f[key], 0);
  return { files, raw: sum("raw"), gzip: sum("gzip"), br: sum("br") };
}
