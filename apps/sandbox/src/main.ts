import { readSandboxEnv } from "./env.ts";
import { startSandbox } from "./server.ts";

async function main() {
  const env = readSandboxEnv();
  const sandbox = await startSandbox(env);
  console.log(
    `Verifone sandbox on ${sandbox.url} (3DS: ${sandbox.url}/oidc/3ds-service, eCommerce: ${sandbox.url}/oidc/api; ` +
      `history until ${new Date(env.now).toISOString()}, ` +
      `seed ${env.seed}, ${env.authentications} authentications, ${env.tokens} tokens, ` +
      `${env.transactions} transactions, latency ${env.latencyMs} ms)`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
