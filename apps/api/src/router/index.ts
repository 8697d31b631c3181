import { router } from "../trpc.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { authenticationsRouter } from "./authentications.ts";
import { tokensRouter } from "./tokens.ts";
import { usersRouter } from "./users.ts";

export const appRouter = router({
  auth: authRouter,
  authentications: authenticationsRouter,
  audit: auditRouter,
  tokens: tokensRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
