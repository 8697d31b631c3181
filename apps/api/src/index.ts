import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./router/index.ts";

export type { AuthenticationView } from "./router/authentications.ts";
export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type { AnalyticsStatus } from "./analytics/storeStatus.ts";
export { createLogger } from "./logger.ts";
export type { AnalyticsAuthenticationsInput, AnalyticsPaymentsInput } from "./schemas/analyticsInput.ts";
export type { ApiServerOptions, RunningApi } from "./server.ts";
export { startApi } from "./server.ts";
