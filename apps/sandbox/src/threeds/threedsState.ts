import { AuthenticationStore } from "./authenticationStore.ts";
import { type Entity, seedAuthentications, seedEntities } from "./seed.ts";

/** Everything the 3DS endpoints keep; rebuilt from scratch by a reset. */
export type ThreeDSState = {
  store: AuthenticationStore;
  entities: readonly Entity[];
  /** `jti`s already presented to /v2/jwt/validate (the docs say a JWT is single-use). */
  usedJwtIds: Set<string>;
};

export function createThreeDSState(seed: number, authentications: number, nowMs: number): ThreeDSState {
  return {
    store: new AuthenticationStore(seedAuthentications(seed, authentications, nowMs)),
    entities: seedEntities(seed),
    usedJwtIds: new Set(),
  };
}
