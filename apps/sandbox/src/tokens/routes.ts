import { Router } from "express";
import type { Clock } from "../clock.ts";
import type { Merchant } from "../ecommerce/merchants.ts";
import { invalid } from "../ecommerce/problems.ts";
import { patchToken, tokenize } from "./tokenize.ts";
import { parsePatchBody, parsePutBody } from "./tokenRequests.ts";
import type { TokenStore } from "./tokenStore.ts";
import { cardResponse, patchTokenResponse, tokenResponse } from "./views.ts";

/** Verifone's Token Management API, mounted at `/oidc/api`. */
export type TokenDeps = { tokens(): TokenStore; merchants(): readonly Merchant[]; clock: Clock };

/** The path id: "Verifone Reuse Token", 14 to 255 characters. */
function tokenId(id: string): string {
  if (id.length < 14 || id.length > 255) throw invalid([{ at: "params.id", message: "must be 14 to 255 characters" }]);
  return id;
}

export function tokenRouter(deps: TokenDeps): Router {
  const router = Router();

  router.put("/v2/card", (req, res) => {
    // The encrypted card's 15 minutes are checked against the real time (the client's); records take the sandbox's.
    const input = parsePutBody(req.body, Date.now());
    const { token, stored } = tokenize(deps.tokens(), deps.merchants(), input, deps.clock());
    const body = cardResponse(token);
    if (!stored) {
      delete body.reuse_token;
      delete body.token_status;
    }
    res.status(200).json(body);
  });

  router.get("/v2/card/:id", (req, res) => {
    res.json(tokenResponse(deps.tokens().require(tokenId(req.params.id))));
  });

  router.patch("/v2/card/:id", (req, res) => {
    const id = tokenId(req.params.id);
    deps.tokens().require(id); // an unknown id is a 404 before the body is looked at
    const patch = parsePatchBody(req.body ?? {}, Date.now());
    res.json(patchTokenResponse(patchToken(deps.tokens(), id, patch, deps.clock())));
  });

  router.delete("/v2/card/:id", (req, res) => {
    deps.tokens().changeStatus(tokenId(req.params.id), "delete", deps.clock());
    res.status(204).end();
  });

  router.patch("/v2/card/:id/suspend", (req, res) => {
    deps.tokens().changeStatus(tokenId(req.params.id), "suspend", deps.clock());
    res.status(204).end();
  });

  router.patch("/v2/card/:id/activate", (req, res) => {
    deps.tokens().changeStatus(tokenId(req.params.id), "activate", deps.clock());
    res.status(204).end();
  });

  return router;
}
