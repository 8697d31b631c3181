export { createSandbox, type Sandbox, type SandboxOptions } from "./app.ts";
export { readSandboxEnv, type SandboxEnv, sandboxCredentials } from "./env.ts";
export { createRandom, mulberry32, type Random } from "./random.ts";
export { type RunningSandbox, type StartOptions, startSandbox } from "./server.ts";
export { seedAuthentication, seedAuthentications, seedEntities } from "./threeds/seed.ts";
export { testCardOutcomes } from "./threeds/testCards.ts";
export type { AuthenticationResult, ThreeDSAuthentication } from "./threeds/types.ts";
