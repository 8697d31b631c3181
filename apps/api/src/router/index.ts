import { router } from "../trpc.ts";
import { authenticationsRouter } from "./authentications.ts";

export const appRouter = router({
  authentications: authenticationsRouter,
});

export type AppRouter = typeof appRouter;
