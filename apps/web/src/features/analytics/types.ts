// The answers of the analytics.* procedures (CONTRACT.md §5), until the API's router types are merged in; then these
// become RouterOutputs["analytics"][…].
import type { Filter } from "@vbo/verifone/fields";

export type Rates = {
  issuerShare: number | null;
  frictionlessRate: number | null;
  challengeRate: number | null;
  challengeSuccess: number | null;
  abandonment: number | null;
  authenticationSuccess: number | null;
};

export type Group = {
  key: string;
  authentications: number;
  issuer: number;
  merchant: number;
  frictionless: number;
  challenged: number;
  challengeSucceeded: number;
  abandoned: number;
  authenticated: number;
  enrolled: number;
  v2Enrolled: number;
  reasons: Partial<Record<string, number>>;
  rates: Rates;
  drillDown: Filter[] | null;
};

export type MoneyGroup = {
  key: string;
  currency_code: string;
  payments: number;
  amount: number;
  issuerAmount: number;
  merchantAmount: number;
};

export type AuthenticationsAnswer = {
  rows: Group[];
  total: Group;
  previous?: Group;
  syncedThrough: string | null;
  complete: boolean;
};

export type PaymentsAnswer = {
  rows: MoneyGroup[];
  total: MoneyGroup[];
  previous?: MoneyGroup[];
  syncedThrough: string | null;
  complete: boolean;
};

export type StatusAnswer = {
  syncedThrough: string | null;
  lagSeconds: number | null;
  backfill: { done: boolean; from: string | null; through: string | null };
  lastError: string | null;
};

export type AuthenticationsBy =
  | "day"
  | "week"
  | "month"
  | "card_brand"
  | "threeds_version"
  | "currency_code"
  | "reason"
  | "eci_flag";

export type AnalyticsInput = { from: string; to: string; by: AuthenticationsBy; filters?: Filter[]; compare?: boolean };
export type PaymentsInput = {
  from: string;
  to: string;
  by: "day" | "week" | "month" | "card_brand" | "reason";
  filters?: Filter[];
  compare?: boolean;
};
