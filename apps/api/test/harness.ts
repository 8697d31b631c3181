import { startSandbox } from "@vbo/sandbox";
import type { IdentitySettings } from "../src/context.ts";
import { createLogger } from "../src/logger.ts";
import { type ApiServerOptions, type RunningApi, startApi } from "../src/server.ts";
import { CardLeakWitness } from "./cardLeaks.ts";

export const sandboxAuth = { userId: "it-user", apiKey: "it-key-0123456789" };
export const demoPassword = "demo-password-1";

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

export type Answer<T> = { status: number; body: TrpcBody<T>; headers: Headers };

/** One signed-in (or not) HTTP client of the API, holding its session cookie like a browser would. */
export type Client = {
  cookie: string | null;
  query<T = unknown>(path: string, input?: unknown): Promise<Answer<T>>;
  mutate<T = unknown>(path: string, input?: unknown, init?: { origin?: string | null }): Promise<Answer<T>>;
};

export type Stack = Client & {
  api: RunningApi;
  /** Every log line and error body so far; close() fails if any of them or an audit row holds a card number. */
  witness: CardLeakWitness;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  /** A new client with no session; `signIn` gives one with a session. */
  anonymous(): Client;
  signIn(email: string, password?: string): Promise<Client>;
  /** GET straight to the sandbox's Verifone paths with Basic auth. */
  upstream<T = unknown>(pathAndQuery: string): Promise<T>;
  close(): Promise<void>;
};

function clientFor(baseUrl: string, witness?: CardLeakWitness, pageOrigin = baseUrl): Client {
  const client: Client = {
    cookie: null,
    async query(path, input) {
      const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const res = await fetch(`${baseUrl}/trpc/${path}${qs}`, {
        headers: client.cookie ? { cookie: client.cookie } : {},
      });
      return answerOf(res, witness);
    },
    async mutate(path, input, init = {}) {
      const origin = init.origin === undefined ? pageOrigin : init.origin;
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (origin) headers.origin = origin;
      if (client.cookie) headers.cookie = client.cookie;
      const res = await fetch(`${baseUrl}/trpc/${path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(input ?? null),
      });
      client.cookie = mergeCookies(client.cookie, res.headers.getSetCookie());
      return answerOf(res, witness);
    },
  };
  return client;
}

/** Where the test sandbox's seeded history ends (its SANDBOX_NOW), so expectations do not move with the calendar. */
export const sandboxNow = "2026-11-15T00:00:00.000Z";

/** A clock that starts at `instant` and runs at real speed, like the sandbox's (for the API's analytics sync). */
export function clockFrom(instant: string): () => Date {
  const offsetMs = Date.parse(instant) - Date.now();
  return () => new Date(Date.now() + offsetMs);
}

/** Keeps what a browser would: the latest value of each cookie, none of those cleared (Max-Age=0). */
function mergeCookies(jar: string | null, setCookies: string[]): string | null {
  if (setCookies.length === 0) return jar;
  const cookies = new Map(
    (jar ?? "")
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.split("=")[0], c] as const),
  );
  for (const header of setCookies) {
    const pair = header.split(";")[0] ?? "";
    const name = pair.split("=")[0];
    if (/max-age=0/i.test(header)) cookies.delete(name);
    else cookies.set(name, pair);
  }
  return cookies.size ? [...cookies.values()].join("; ") : null;
}

async function answerOf<T>(res: Response, witness: CardLeakWitness | undefined): Promise<Answer<T>> {
  const text = await res.text();
  witness?.noteAnswer(res.status, text);
  return { status: res.status, body: JSON.parse(text) as never, headers: res.headers };
}

/** The real sandbox and the real API (embedded PGlite in memory, or TEST_DATABASE_URL's server) on free ports. */
export async function startStack(
  options: {
    authentications?: number;
    seed?: number;
    now?: string;
    databaseUrl?: string;
    transactions?: number;
    dataDir?: string;
    analytics?: ApiServerOptions["analytics"];
    identity?: IdentitySettings;
    webDist?: string;
    publicUrl?: string;
    trustProxy?: ApiServerOptions["trustProxy"];
    /** Who the stack's own client signs in as (default ops@demo.test). */
    mainUser?: string;
  } = {},
): Promise<Stack> {
  // Taken before the sandbox starts its clock, so the API's is never behind it.
  const upstreamNow = clockFrom(options.now ?? sandboxNow);
  const witness = new CardLeakWitness();
  const sandbox = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    seed: options.seed ?? 7,
    now: options.now ?? sandboxNow,
    authentications: options.authentications ?? 600,
    ...(options.transactions === undefined ? {} : { transactions: options.transactions }),
    ...sandboxAuth,
  });
  const api = await startApi({
    port: 0,
    host: "127.0.0.1",
    verifone: { baseUrl: sandbox.url, ...sandboxAuth, timeoutMs: 3_000 },
    upstream: "sandbox",
    database: options.databaseUrl
      ? { url: options.databaseUrl }
      : options.dataDir
        ? { dataDir: options.dataDir }
        : { memory: true },
    log: createLogger("debug", witness.logSink),
    analytics: { ...options.analytics, now: upstreamNow },
    identity: options.identity,
    webDist: options.webDist,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const basic = `Basic ${Buffer.from(`${sandboxAuth.userId}:${sandboxAuth.apiKey}`).toString("base64")}`;
  const signIn = async (email: string, password = demoPassword) => {
    const client = clientFor(api.url, witness, options.publicUrl);
    const answer = await client.mutate("auth.login", { email, password });
    if (answer.status !== 200) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(answer.body)}`);
    return client;
  };
  const main = await signIn(options.mainUser ?? "ops@demo.test");
  return {
    ...main,
    get cookie() {
      return main.cookie;
    },
    api,
    witness,
    sandbox,
    anonymous: () => clientFor(api.url, witness, options.publicUrl),
    signIn,
    async upstream(pathAndQuery) {
      const res = await fetch(`${sandbox.url}/oidc/3ds-service${pathAndQuery}`, { headers: { authorization: basic } });
      if (!res.ok) throw new Error(`sandbox ${res.status}: ${await res.text()}`);
      return (await res.json()) as never;
    },
    async close() {
      const leaks = await witness.leaks(api.db);
      await api.close();
      await sandbox.close();
      if (leaks.length > 0) throw new Error(`card numbers written by the product:\n${leaks.join("\n")}`);
    },
  };
}
