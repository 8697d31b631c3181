import { afterAll, beforeAll } from "vitest";
import { type RunningSandbox, type StartOptions, startSandbox } from "../src/index.ts";
import type { ThreeDSAuthentication } from "../src/threeds/types.ts";

export const credentials = { userId: "test-user", apiKey: "test-key" };
/** Every test sandbox's `now` (where its seeded history ends), so expectations do not move with the calendar. */
export const testNow = "2026-11-15T00:00:00.000Z";
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
  /** `${url}/oidc/api` — the eCommerce base URL */
  api: string;
  /** A call on the eCommerce API with Basic auth unless `headers` override it (JSON body when given). */
  ecom(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** GET on the eCommerce API, expecting 200 and JSON. */
  ecomJson<T = unknown>(pathAndQuery: string): Promise<T>;
  /**
   * Every transaction matching `query` (e.g. `currency_code=EUR`), newest first: the list asked one calendar month at
   * a time (its longest range, and it shows only the last 7 days without one) from 2020-06 to the sandbox's now.
   */
  ecomAll<T = unknown>(query?: string): Promise<T[]>;
};

/**
 * Starts a real sandbox on a free port for the enclosing describe block (or file) and stops it afterwards. Unless
 * told otherwise it seeds few tokens and transactions, so files about 3DS start fast.
 */
export function useSandbox(options: StartOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    const sandbox = await startSandbox({
      port: 0,
      host: "127.0.0.1",
      latencyMs: 0,
      seed: 1,
      now: testNow,
      tokens: 20,
      transactions: 60,
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
    } satisfies Omit<Harness, "getJson" | "list" | "api" | "ecom" | "ecomJson" | "ecomAll">);
    harness.getJson = async <T>(pathAndQuery: string) => {
      const res = await harness.get(pathAndQuery);
      if (res.status !== 200) throw new Error(`GET ${pathAndQuery} → ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    };
    harness.list = (query: string) => harness.getJson<ThreeDSAuthentication[]>(`/v2/3d${query}`);
    harness.api = `${sandbox.url}/oidc/api`;
    harness.ecom = (method, path, body, headers = {}) =>
      fetch(`${harness.api}${path}`, {
        method,
        headers: { ...authHeader, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
    harness.ecomJson = async <T>(pathAndQuery: string) => {
      const res = await harness.ecom("GET", pathAndQuery);
      if (res.status !== 200) throw new Error(`GET ${pathAndQuery} → ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    };
    harness.ecomAll = async <T>(query = "") => {
      const health = (await (await harness.control("/health")).json()) as { now: string };
      const until = Date.parse(health.now) + 1000;
      const rows: T[] = [];
      const first = new Date(Date.UTC(2020, 5, 1));
      const months: Date[] = [];
      for (let m = first; m.getTime() <= until; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)))
        months.push(m);
      for (const start of months.reverse()) {
        const next = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
        const end = new Date(Math.min(next - 1, until)).toISOString();
        const range = `created_start=${start.toISOString()}&created_end=${end}&_limit=10000`;
        rows.push(...(await harness.ecomJson<T[]>(`/v2/transactions?${query ? `${query}&` : ""}${range}`)));
      }
      return rows;
    };
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

/** The eCommerce error body (`BadRequestV2Docs` & co.). */
export type EcomError = {
  code: number;
  message: string;
  details: Record<string, { message: string } & Record<string, unknown>>;
  timestamp: number;
  reversal_status: string;
};

/** base64 of the card JSON: the sandbox's stand-in for Verifone's card encryption. */
export function encryptCard(cardNumber: string, extra: Record<string, unknown> = {}): string {
  return Buffer.from(JSON.stringify({ cardNumber, expiryMonth: 12, expiryYear: 2031, cvv: "123", ...extra })).toString(
    "base64",
  );
}

/** A complete POST /v2/lookup body for a test card (the 3-D Secure outcome follows the card number). */
export function lookupRequest(cardNumber: string, extra: Record<string, unknown> = {}) {
  return {
    amount: 1250,
    currency_code: "EUR",
    billing_first_name: "Chris",
    billing_last_name: "Brown",
    billing_address_1: "8100 Tyler Blvd",
    billing_city: "Mentor",
    billing_country_code: "US",
    device_info_id: "1_e852b685-6ba3-4f6a-bf30-183cbce64b92",
    email: "john.doe@example.com",
    merchant_reference: "order_123",
    threeds_contract_id: "7076974d-04b9-4375-9814-e9313f6bd036",
    encrypted_card: encryptCard(cardNumber, { captureTime: new Date().toISOString() }),
    public_key_alias: "sandbox-key-1",
    ...extra,
  };
}
