import { router } from "../trpc.ts";
import { accountRouter } from "./account.ts";
import { analyticsRouter } from "./analytics.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { authenticationsRouter } from "./authentications.ts";
import { tokensRouter } from "./tokens.ts";
import { transactionsRouter } from "./transactions.ts";
import { usersRouter } from "./users.ts";

export const appRouter = router({
  analytics: analyticsRouter,
  account: accountRouter,
  auth: authRouter,
  authentications: authenticationsRouter,
  audit: auditRouter,
  tokens: tokensRouter,
  transactions: transactionsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
