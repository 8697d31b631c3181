// A scriptable stand-in for Verifone's HTTP edge (the one part we do not own): each request takes the next scripted
// answer — a status and body, a delay, a dropped connection — and every request is recorded.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type Answer = { status?: number; body?: unknown; raw?: string; delayMs?: number } | { drop: true };

export type Recorded = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export async function startFakeVerifone() {
  const script: Answer[] = [];
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const answer = script.shift() ?? { status: 500, body: { code: 500, message: "no scripted answer" } };
      if ("drop" in answer) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        const text = answer.raw ?? JSON.stringify(answer.body ?? null);
        res.writeHead(answer.status ?? 200, { "content-type": answer.raw ? "text/html" : "application/json" });
        res.end(text);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Queue the answers of the next requests, in order. */
    answer(...answers: Answer[]) {
      script.push(...answers);
    },
    reset() {
      script.length = 0;
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
