import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandbox, type ResetFunction, type SandboxOptions } from "./app.ts";
import { readSandboxEnv } from "./env.ts";

export type StartOptions = SandboxOptions & {
  /** 0 picks a free port; default SANDBOX_PORT (3100). */
  port?: number;
  /** Default SANDBOX_HOST (127.0.0.1). */
  host?: string;
};

export type RunningSandbox = {
  /** The origin, e.g. `http://127.0.0.1:3100`; Verifone's base URL is `${url}/oidc` (3DS: `/oidc/3ds-service`). */
  url: string;
  port: number;
  reset: ResetFunction;
  close(): Promise<void>;
};

export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const { port: wantedPort, host: wantedHost, ...sandboxOptions } = options;
  const env = wantedPort === undefined || wantedHost === undefined ? readSandboxEnv() : null;
  const port = wantedPort ?? env?.port ?? 3100;
  const host = wantedHost ?? env?.host ?? "127.0.0.1";
  const sandbox = createSandbox(sandboxOptions);

  // Verifone answers 431 to a request line and headers over 8 KB: so does the sandbox (Node's default is 16 KB).
  const server = createServer({ maxHeaderSize: 8 * 1024 }, sandbox.app).listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (err) => reject(new Error(`sandbox could not listen on ${host}:${port}: ${err.message}`)));
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    reset: sandbox.reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
