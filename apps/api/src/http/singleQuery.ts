import {
  type AnyTRPCRouter,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type inferRouterContext,
  TRPCError,
  transformTRPCResponse,
} from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type express from "express";

type Options<TRouter extends AnyTRPCRouter> = {
  router: TRouter;
  createContext: (req: express.Request, res: express.Response) => Promise<inferRouterContext<TRouter>>;
  onError?: (opts: {
    error: TRPCError;
    path: string | undefined;
    input: unknown;
    ctx: inferRouterContext<TRouter> | undefined;
    type: "query";
    req: express.Request;
  }) => void;
};

/** tRPC's own test (resolveResponse's isDataStream): an answer holding promises or streams needs a streaming link. */
function isDataStream(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const streamy = (v: unknown) =>
    typeof (v as { then?: unknown })?.then === "function" ||
    typeof (v as { [Symbol.asyncIterator]?: unknown })?.[Symbol.asyncIterator] === "function";
  return streamy(value) || Object.values(value).some(streamy);
}

/** The procedure a `/trpc/<name>` request names, or null when it is not one plain name (tRPC decides those). */
function procedureNameOf(req: express.Request): string | null {
  try {
    const name = decodeURIComponent(req.path.slice(1));
    return name !== "" && !name.includes("/") && !name.includes(",") ? name : null;
  } catch {
    return null;
  }
}

/**
 * Answers one unbatched query (`GET /trpc/<procedure>?input=…`: how scripts, integrations and the bench call a list
 * or a count) by calling the procedure with tRPC's own functions — the same middleware (session, permission), input
 * parsing, error formatter and status codes — and writing the JSON straight to the socket. tRPC 11's Express adapter
 * turns every Node request into a WHATWG Request and every answer into a Response first, which measured as about a
 * third of the CPU of a list call (bench/RESULTS.md). The answer is the adapter's (`test/singleQuery.int.test.ts`
 * compares them). Anything else — batches, mutations, HEAD, streaming or connection parameters, unknown or
 * undecodable names, input that is not JSON — goes on to the adapter. Mount it on `/trpc`, after `boundedInput`.
 */
export function singleQuery<TRouter extends AnyTRPCRouter>(options: Options<TRouter>): express.RequestHandler {
  const { router } = options;
  const config = router._def._config;
  const procedures = router._def.procedures as Record<string, { _def: { type: string } } | undefined>;

  return async (req, res, next) => {
    if (req.method !== "GET") return next();
    // What the adapter reads: the URL without its fragment (`new URL` drops it; so does Express's req.query, which
    // boundedInput checked).
    const url = req.originalUrl.split("#")[0] ?? "";
    const queryAt = url.indexOf("?");
    const search = new URLSearchParams(queryAt < 0 ? "" : url.slice(queryAt + 1));
    const streaming = req.headers["trpc-accept"] !== undefined || req.headers.accept === "application/jsonl";
    if (streaming || search.has("batch") || search.has("connectionParams")) return next();
    const path = procedureNameOf(req);
    if (path === null || procedures[path]?._def.type !== "query") return next();
    const rawInput = search.get("input");
    let input: unknown;
    if (rawInput !== null) {
      try {
        input = config.transformer.input.deserialize(JSON.parse(rawInput));
      } catch {
        return next(); // the adapter says what is wrong with it, in its own words
      }
    }

    const aborted = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) aborted.abort();
    };
    res.once("close", onClose);
    let ctx: inferRouterContext<TRouter> | undefined;
    let inputRead = false; // the error formatter sees the input only if the procedure got as far as reading it
    let json: string;
    const failed = (cause: unknown, at: string | undefined) => {
      const error = getTRPCErrorFromUnknown(cause);
      const given = inputRead ? input : undefined;
      options.onError?.({ error, path: at, input: given, ctx, type: "query", req });
      const shape = getTRPCErrorShape({ config, ctx, error, input: given, path: at, type: "query" });
      return { error: shape };
    };
    let body: Parameters<typeof getHTTPStatusCode>[0];
    try {
      ctx = await options.createContext(req, res);
      const data = await callTRPCProcedure({
        router,
        path,
        getRawInput: async () => {
          inputRead = true;
          return input;
        },
        ctx,
        type: "query",
        signal: aborted.signal,
        batchIndex: 0,
      });
      if (isDataStream(data)) {
        const message = "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink";
        throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message });
      }
      body = { result: { data } };
    } catch (cause) {
      body = failed(cause, path);
    }
    try {
      json = JSON.stringify(transformTRPCResponse(config, body as never));
    } catch (cause) {
      body = failed(cause, undefined); // an answer JSON cannot hold (a BigInt, a cycle)
      json = JSON.stringify(transformTRPCResponse(config, body as never));
    }
    res.off("close", onClose);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(getHTTPStatusCode(body), {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(json),
      vary: "trpc-accept, accept",
    });
    res.end(json);
  };
}
