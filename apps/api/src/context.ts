import type { VerifoneClient } from "@vbo/verifone";
import type { Logger } from "pino";
import type { CoalescingCache } from "./coalescingCache.ts";

/** Long-lived things every request shares. */
export type AppDeps = {
  verifone: VerifoneClient;
  upstream: "sandbox" | "verifone";
  log: Logger;
  counts: CoalescingCache<number>;
};

export type Context = AppDeps & { requestId: string; log: Logger };
