import type { RouterInputs, RouterOutputs } from "@vbo/api";

/** Verifone's token object (TokenResponse) as tokens.get and every token action return it: masked card data only. */
export type TokenView = RouterOutputs["tokens"]["get"];
export type TokenChangesInput = RouterInputs["tokens"]["update"]["changes"];
/** The actions support can take on a token, in the order the page offers them. */
export type TokenActionName = "suspend" | "activate" | "update" | "delete";
