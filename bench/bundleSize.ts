import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** JS the browser loads before the first screen: index.html's module script plus its modulepreloads, gzipped. */
export function firstScreenJs(distDir: string): {
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
} {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? "");
  const files = [...new Set(refs)].map((ref) => {
    const content = readFileSync(path.join(distDir, ref.replace(/^\//, "")));
    return { file: ref, raw: content.length, gzip: gzipSync(content).length };
  });
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}
