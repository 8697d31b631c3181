// A sandbox in its own process: `tsx servers/sandbox.ts <latencyMs> <authentications>`; prints {"url"} when ready.
import { startSandbox } from "@vbo/sandbox";
import { benchCredentials } from "./credentials.ts";

const [latency = "0", size = "5000"] = process.argv.slice(2);
const sandbox = await startSandbox({
  port: 0,
  host: "127.0.0.1",
  latencyMs: Number(latency),
  now: "2026-11-15T00:00:00.000Z", // a fixed history: runs on different days measure the same data
  authentications: Number(size),
  ...benchCredentials,
});
console.log(JSON.stringify({ url: sandbox.url }));
