import { router } from "../trpc.ts";
import { analyticsRouter } from "./analytics.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { authenticationsRouter } from "./authentications.ts";
import { tokensRouter } from "./tokens.ts";
import { transactionsRouter } from "./transactions.ts";
import { usersRouter } from "./users.ts";

export const appRouter = router({
  analytics: analyticsRouter,
  auth: authRouter,
  authentications: authenticationsRouter,
  audit: auditRouter,
  tokens: tokensRouter,
  transactions: transactionsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
