// The answers of the analytics.* procedures (CONTRACT.md §5), as the API's router types say.
import type { RouterInputs, RouterOutputs } from "@vbo/api";

type Analytics = RouterOutputs["analytics"];

export type AuthenticationsAnswer = Analytics["authentications"];
export type PaymentsAnswer = Analytics["payments"];
export type StatusAnswer = Analytics["status"];
export type Group = AuthenticationsAnswer["total"];
export type Rates = Group["rates"];
export type MoneyGroup = PaymentsAnswer["total"][number];
export type AuthenticationsBy = RouterInputs["analytics"]["authentications"]["by"];
