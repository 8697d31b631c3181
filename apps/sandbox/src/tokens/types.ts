import type { CardType } from "../cards/cardTables.ts";

/**
 * A Verifone reuse token as the sandbox keeps it: the fields of `TokenResponse` / `CardResponse` /
 * `PatchTokenResponse` (ecommerce-api.json), plus internal fields (`entityId`, `panLength`, `fingerprint`, `signup`)
 * that no view serves. Card data is masked by construction: BIN and last four only.
 */
export type TokenStatus = "ACTIVE" | "SUSPENDED" | "DELETED";
export const tokenStatuses: readonly TokenStatus[] = ["ACTIVE", "SUSPENDED", "DELETED"];

export const processingModels = [
  "NONE",
  "CREDENTIAL_ON_FILE",
  "RECURRING",
  "UNSCHEDULED_CREDENTIAL_ON_FILE",
  "REAUTHORIZATION",
] as const;
export type ProcessingModel = (typeof processingModels)[number];

/** The stored-credential sign-up a token was created by, which decides which charges may follow. */
export type TokenSignup = { processing_model: ProcessingModel; reference: string; scheme_reference: string };

export type Token = {
  reuse_token: string;
  analytics_token?: string;
  bin: string;
  last_four: string;
  expiry_month?: number;
  expiry_year?: number;
  card_holder_name?: string;
  card_holder_email?: string;
  brand: string;
  /** ISO 3166-1 alpha-3, as the spec's issuerCountryEnum. */
  issuer_country: string;
  issuer_name: string;
  type: CardType;
  variant?: string;
  /** RFC 3339 date-times (the spec says `format: date`; see README). */
  created_at: string;
  updated_at: string;
  /** YYYY-MM-DD */
  token_expiry_date?: string;
  reuse_token_type: "INTERNAL" | "CHASE" | "TAVE";
  token_scope: string;
  token_status: TokenStatus;
  entityId: string;
  panLength: number;
  /** sha256 of `token_scope:PAN` — how PUT /card finds "a token for the card already" without keeping the PAN. */
  fingerprint: string;
  signup?: TokenSignup;
};
