import { afterAll, beforeAll } from "vitest";
import { type RunningSandbox, type StartOptions, startSandbox } from "../src/index.ts";
import type { ThreeDSAuthentication } from "../src/threeds/types.ts";

export const credentials = { userId: "test-user", apiKey: "test-key" };
export const basic = (userId: string, apiKey: string) =>
  `Basic ${Buffer.from(`${userId}:${apiKey}`).toString("base64")}`;
export const authHeader = { authorization: basic(credentials.userId, credentials.apiKey) };

export type Harness = {
  sandbox: RunningSandbox;
  /** `${url}/oidc/3ds-service` */
  base: string;
  get(pathAndQuery: string, headers?: Record<string, string>): Promise<Response>;
  getJson<T = unknown>(pathAndQuery: string): Promise<T>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  control(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  list(query: string): Promise<ThreeDSAuthentication[]>;
};

/** Starts a real sandbox on a free port for the enclosing describe block (or file) and stops it afterwards. */
export function useSandbox(options: StartOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    const sandbox = await startSandbox({
      port: 0,
      host: "127.0.0.1",
      latencyMs: 0,
      seed: 1,
      ...credentials,
      ...options,
    });
    const base = `${sandbox.url}/oidc/3ds-service`;
    Object.assign(harness, {
      sandbox,
      base,
      get: (pathAndQuery: string, headers = authHeader) => fetch(`${base}${pathAndQuery}`, { headers }),
      post: (path: string, body: unknown, headers = authHeader) =>
        fetch(`${base}${path}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      control: (path: string, init: { method?: string; body?: unknown } = {}) =>
        fetch(`${sandbox.url}/__sandbox${path}`, {
          method: init.method ?? (init.body === undefined ? "GET" : "POST"),
          headers: { "content-type": "application/json" },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        }),
    } satisfies Omit<Harness, "getJson" | "list">);
    harness.getJson = async <T>(pathAndQuery: string) => {
      const res = await harness.get(pathAndQuery);
      if (res.status !== 200) throw new Error(`GET ${pathAndQuery} → ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    };
    harness.list = (query: string) => harness.getJson<ThreeDSAuthentication[]>(`/v2/3d${query}`);
  });
  afterAll(async () => {
    await harness.sandbox?.close();
  });
  return harness;
}

export const ids = (records: readonly { _id: string }[]) => records.map((r) => r._id);

/** The documented default order, computed independently of the sandbox: newest first, then `_id` ascending. */
export function byDefaultOrder(a: ThreeDSAuthentication, b: ThreeDSAuthentication): number {
  const t = Date.parse(b.created_at) - Date.parse(a.created_at);
  if (t !== 0) return t;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}
