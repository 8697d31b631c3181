import type { RouterInputs, RouterOutputs } from "@vbo/api";

export type AuthenticationView = RouterOutputs["authentications"]["get"];
export type AuthenticationResult = NonNullable<AuthenticationView["authentication"]>;
export type Liability = AuthenticationView["liability"];
export type ListInput = RouterInputs["authentications"]["list"];
