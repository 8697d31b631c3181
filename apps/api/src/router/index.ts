import { router } from "../trpc.ts";
import { accountRouter } from "./account.ts";
import { analyticsRouter } from "./analytics.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { authenticationsRouter } from "./authentications.ts";
import { searchRouter } from "./search.ts";
import { tokensRouter } from "./tokens.ts";
import { transactionsRouter } from "./transactions.ts";
import { usersRouter } from "./users.ts";
import { viewsRouter } from "./views.ts";

export const appRouter = router({
  analytics: analyticsRouter,
  account: accountRouter,
  auth: authRouter,
  authentications: authenticationsRouter,
  audit: auditRouter,
  search: searchRouter,
  tokens: tokensRouter,
  transactions: transactionsRouter,
  users: usersRouter,
  views: viewsRouter,
});

export type AppRouter = typeof appRouter;
