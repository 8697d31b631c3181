// One cold sandbox start-up in a fresh process: `tsx servers/sandboxStartup.ts <authentications> <transactions>`.
// Prints {"ms", "cpuMs"}: the time createSandbox takes to seed and index everything (what start-up adds to import).
import { createSandbox } from "@vbo/sandbox";

const [authentications = "20000", transactions = "3000"] = process.argv.slice(2);
const cpu = process.cpuUsage();
const start = performance.now();
createSandbox({
  now: "2026-11-15T00:00:00.000Z",
  authentications: Number(authentications),
  transactions: Number(transactions),
  seed: 1,
  tokens: 500,
  latencyMs: 0,
  userId: "bench",
  apiKey: "bench",
});
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
