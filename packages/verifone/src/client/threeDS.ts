// The 3-D Secure authentications API: GET /v2/3d (list), /v2/3d/count, /v2/3d/{id}.

import { VerifoneRequestError, VerifoneUnavailableError } from "../errors.ts";
import type { Filter } from "../fields/fieldSpec.ts";
import { encodeThreeDSQuery, type ThreeDSQuery } from "../query/encodeQuery.ts";
import type { ThreeDSAuthentication } from "../types.ts";
import { checkedId } from "./requestChecks.ts";
import type { RequestOptions, Transport } from "./transport.ts";

const base = "/oidc/3ds-service/v2/3d";

export type ThreeDSClient = {
  list(query?: ThreeDSQuery, options?: RequestOptions): Promise<ThreeDSAuthentication[]>;
  count(query?: { filters?: readonly Filter[] }, options?: RequestOptions): Promise<number>;
  get(id: string, options?: RequestOptions): Promise<ThreeDSAuthentication>;
};

function malformed(what: string): never {
  throw new VerifoneUnavailableError("malformed", `Verifone answered ${what} with a body of the wrong shape`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseList(body: unknown): ThreeDSAuthentication[] {
  if (!Array.isArray(body) || !body.every(isObject)) malformed(`GET ${base}`);
  return body as ThreeDSAuthentication[];
}

/** The docs show `{"count": 0}`; a numeric string or a bare number is accepted too. */
export function parseCount(body: unknown): number {
  const raw = isObject(body) ? body.count : body;
  const count = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) malformed(`GET ${base}/count`);
  return count;
}

function parseOne(body: unknown): ThreeDSAuthentication {
  if (!isObject(body)) malformed(`GET ${base}/{id}`);
  return body as ThreeDSAuthentication;
}

function withQuery(path: string, query: string): string {
  return query === "" ? path : `${path}?${query}`;
}

export function createThreeDSClient(transport: Transport): ThreeDSClient {
  return {
    async list(query = {}, options) {
      return transport.read(withQuery(base, encodeThreeDSQuery(query)), parseList, options);
    },
    async count(query = {}, options) {
      const filters = query.filters ?? [];
      return transport.read(withQuery(`${base}/count`, encodeThreeDSQuery({ filters })), parseCount, options);
    },
    async get(id, options) {
      if (typeof id !== "string" || id.trim() === "") throw new TypeError("an authentication id is required");
      // GET /v2/3d/count is a sibling route: "count" as an id would answer {count} as if it were an authentication.
      if (id.toLowerCase() === "count") throw new VerifoneRequestError("id", 'id cannot be "count"');
      return transport.read(`${base}/${encodeURIComponent(checkedId("id", id))}`, parseOne, options);
    },
  };
}
