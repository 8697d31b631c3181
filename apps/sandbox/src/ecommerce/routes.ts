import { Router } from "express";
import type { Clock } from "../clock.ts";
import { tokenRouter } from "../tokens/routes.ts";
import { transactionRouter } from "../transactions/routes.ts";
import type { EcommerceState } from "./ecommerceState.ts";

/** Verifone's eCommerce API (tokens and transactions), mounted at `/oidc/api`. */
export function ecommerceRouter(state: () => EcommerceState, clock: Clock): Router {
  const router = Router();
  router.use(tokenRouter({ tokens: () => state().tokens, merchants: () => state().merchants, clock }));
  router.use(transactionRouter(state, clock));
  return router;
}
