// The reference a proxy is measured against: fetch, JSON.parse, add liability, JSON.stringify. Nothing else.
import { createServer } from "node:http";
import { liabilityOf } from "@vbo/domain";
import { benchBasicAuth } from "./credentials.ts";

const [upstream = ""] = process.argv.slice(2);
const server = createServer(async (req, res) => {
  const query = (req.url ?? "").split("?")[1] ?? "";
  const answer = await fetch(`${upstream}/oidc/3ds-service/v2/3d?${query}`, {
    headers: { authorization: benchBasicAuth },
  });
  const records = (await answer.json()) as Record<string, unknown>[];
  const body = JSON.stringify({ items: records.map((r) => ({ ...r, liability: liabilityOf(r) })) });
  res.writeHead(answer.status, { "content-type": "application/json" });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` }));
});
// A clean exit on SIGTERM, so that `node --cpu-prof` writes its profile (profile.ts naive).
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
