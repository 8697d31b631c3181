// Friendly names for the generated vendor types. Never retype a Verifone shape by hand: regenerate instead
// (`pnpm --filter @vbo/verifone generate`).
import type { components as ecommerce } from "./generated/ecommerce.ts";
import type { components as threeds, operations as threedsOperations } from "./generated/threeds.ts";

export type ThreeDSAuthentication = threeds["schemas"]["ThreeDSAuthentication"];
export type ThreeDSAuthenticationResult = threeds["schemas"]["AuthenticationResult"];
export type LookupRequest = threeds["schemas"]["LookupRequest"];
export type LookupResponse = threeds["schemas"]["LookupResponse"];
export type DeviceDataInfo = threeds["schemas"]["DeviceDataInfo"];
/** Verifone's error body: `{ code, message, details?, timestamp? }`. */
export type VerifoneErrorBody = threeds["schemas"]["ErrorResponse"];
export type ThreeDSListParameters = NonNullable<threedsOperations["getV23d"]["parameters"]["query"]>;

export type EcommerceSchemas = ecommerce["schemas"];
export type { components as EcommerceComponents, paths as EcommercePaths } from "./generated/ecommerce.ts";
export type { components as ThreeDSComponents, paths as ThreeDSPaths } from "./generated/threeds.ts";
