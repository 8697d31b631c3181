import { startSandbox } from "@vbo/sandbox";
import pino from "pino";
import { type RunningApi, startApi } from "../src/server.ts";

export const sandboxAuth = { userId: "it-user", apiKey: "it-key-0123456789" };

export type Stack = {
  api: RunningApi;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  /** A tRPC query over plain HTTP, as any script would send it. */
  query<T = unknown>(path: string, input?: unknown): Promise<{ status: number; body: TrpcBody<T> }>;
  /** GET straight to the sandbox's Verifone paths with Basic auth. */
  upstream<T = unknown>(pathAndQuery: string): Promise<T>;
  close(): Promise<void>;
};

export type TrpcBody<T> = {
  result?: { data: T };
  error?: {
    message: string;
    code: number;
    data: {
      code: string;
      httpStatus: number;
      problems?: { path: (string | number)[]; message: string }[];
      upstream?: { status: number | null; message: string; retryable: boolean };
    };
  };
};

/** The real sandbox and the real API on free ports. */
export async function startStack(options: { authentications?: number; seed?: number } = {}): Promise<Stack> {
  const sandbox = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    seed: options.seed ?? 7,
    authentications: options.authentications ?? 600,
    ...sandboxAuth,
  });
  const api = await startApi({
    port: 0,
    host: "127.0.0.1",
    verifone: { baseUrl: sandbox.url, ...sandboxAuth, timeoutMs: 3_000 },
    upstream: "sandbox",
    log: pino({ level: "silent" }),
  });
  const basic = `Basic ${Buffer.from(`${sandboxAuth.userId}:${sandboxAuth.apiKey}`).toString("base64")}`;
  return {
    api,
    sandbox,
    async query(path, input) {
      const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const res = await fetch(`${api.url}/trpc/${path}${qs}`);
      return { status: res.status, body: (await res.json()) as never };
    },
    async upstream(pathAndQuery) {
      const res = await fetch(`${sandbox.url}/oidc/3ds-service${pathAndQuery}`, { headers: { authorization: basic } });
      if (!res.ok) throw new Error(`sandbox ${res.status}: ${await res.text()}`);
      return (await res.json()) as never;
    },
    async close() {
      await api.close();
      await sandbox.close();
    },
  };
}
