import {
  type AnyTRPCRouter,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type inferRouterContext,
  type TRPCError,
  transformTRPCResponse,
} from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type express from "express";

type Options<TRouter extends AnyTRPCRouter> = {
  router: TRouter;
  createContext: (req: express.Request, res: express.Response) => Promise<inferRouterContext<TRouter>>;
  onError?: (opts: { error: TRPCError; path: string; ctx: inferRouterContext<TRouter> | undefined }) => void;
};

/**
 * Answers one unbatched query (`GET /trpc/<procedure>?input=…`: the lists' and counts' hot path) by calling the
 * procedure with tRPC's own functions — the same middleware (session, permission), input parsing, error formatter and
 * status codes — and writing the JSON straight to the socket. tRPC 11's Express adapter turns every Node request
 * into a WHATWG Request and every answer into a Response first, which measured as about half the CPU of a list call
 * (bench/RESULTS.md). The answer is byte for byte the adapter's (`test/singleQuery.int.test.ts` compares them).
 * Anything else — batches, mutations, unknown procedures, input that is not JSON — goes on to the adapter.
 */
export function singleQuery<TRouter extends AnyTRPCRouter>(options: Options<TRouter>): express.RequestHandler {
  const { router } = options;
  const config = router._def._config;
  const procedures = router._def.procedures as Record<string, { _def: { type: string } } | undefined>;

  return async (req, res, next) => {
    const path = req.params.path;
    const search = new URLSearchParams(req.url.slice(req.url.indexOf("?") + 1 || req.url.length));
    const plain = req.method === "GET" && !search.has("batch") && req.headers["trpc-accept"] === undefined;
    if (!plain || typeof path !== "string" || procedures[path]?._def.type !== "query") return next();
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
    let status = 200;
    let body: unknown;
    try {
      ctx = await options.createContext(req, res);
      const data = await callTRPCProcedure({
        router,
        path,
        getRawInput: async () => input,
        ctx,
        type: "query",
        signal: aborted.signal,
        batchIndex: 0,
      });
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      options.onError?.({ error, path, ctx });
      status = getHTTPStatusCodeFromError(error);
      body = { error: getTRPCErrorShape({ config, ctx, error, input, path, type: "query" }) };
    }
    res.off("close", onClose);
    if (res.headersSent || res.destroyed) return;
    const json = JSON.stringify(transformTRPCResponse(config, body as never));
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(json),
      vary: "trpc-accept, accept",
    });
    res.end(json);
  };
}
