import { Router } from "express";
import type { Clock } from "../clock.ts";
import type { Credentials } from "../http/basicAuth.ts";
import { invalidParameters, VerifoneError } from "../http/errors.ts";
import { rawQueryOf } from "../http/queryString.ts";
import { createJwt, validateJwt } from "./jwtFlow.ts";
import { lookupResponseOf, performLookup } from "./lookup.ts";
import { parseLookupRequest } from "./lookupRequest.ts";
import { parseCountQuery, parseListQuery } from "./queryGrammar.ts";
import type { ThreeDSState } from "./threedsState.ts";

/** Verifone's 3-D Secure API, mounted at `/oidc/3ds-service`. */
export function threedsRouter(state: () => ThreeDSState, credentials: () => Credentials, clock: Clock): Router {
  const router = Router();

  router.get("/v2/3d", (req, res) => {
    const { query, problems } = parseListQuery(rawQueryOf(req.originalUrl));
    if (problems.length > 0) throw invalidParameters(problems);
    res.json(state().store.list(query));
  });

  router.get("/v2/3d/count", (req, res) => {
    const { query, problems } = parseCountQuery(rawQueryOf(req.originalUrl));
    if (problems.length > 0) throw invalidParameters(problems);
    res.json({ count: state().store.count(query.conditions) });
  });

  router.get("/v2/3d/:id", (req, res) => {
    const record = state().store.get(req.params.id);
    if (!record) throw new VerifoneError(404, `ThreeDSAuthentication ${req.params.id} not found`);
    res.json(record);
  });

  router.post("/v2/lookup", (req, res) => {
    const record = performLookup(state(), parseLookupRequest(req.body), clock());
    res.status(200).json(lookupResponseOf(record));
  });

  router.post("/v2/jwt/create", (req, res) => {
    const { userId, apiKey } = credentials();
    res.status(201).json(createJwt(req.body, userId, apiKey));
  });

  router.post("/v2/jwt/validate", (req, res) => {
    res.status(201).json(validateJwt(state(), req.body, credentials().apiKey));
  });

  return router;
}
