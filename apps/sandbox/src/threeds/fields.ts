/**
 * What `GET /v2/3d` lets you filter and sort on, as the OpenAPI parameters document it (a test checks this table
 * against packages/verifone/openapi/3ds-authentication-api.json in both directions).
 *
 * Operators by query-key suffix: none `=`, `!` `!=`, `~` `~=`, `>` `>=`, `<` `<=`.
 */
export type Operator = "eq" | "neq" | "like" | "gte" | "lte";
export type FieldKind = "string" | "number" | "date";

export type FieldRule = {
  kind: FieldKind;
  ops: readonly Operator[];
  /** Constraints on `=`/`!=` values, from the parameter schema. `~` takes a fragment, so they do not apply to it. */
  exactLength?: number;
  maxLength?: number;
  enum?: readonly string[];
  pattern?: RegExp;
};

const text: FieldRule = { kind: "string", ops: ["eq", "neq", "like"] };
const base64 = /^(?:[A-Za-z0-9+/]{2}[A-Za-z0-9+/]{2})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const authenticationSubfields = [
  "acs_rendering_type",
  "acs_transaction_id",
  "acs_url",
  "authentication_type",
  "authorization_payload",
  "card_brand",
  "cardholder_info",
  "cavv_algorithm",
  "cavv",
  "challenge_cancel",
  "challenge_required",
  "ds_transaction_id",
  "eci_flag",
  "enrolled",
  "error_desc",
  "error_no",
  "network_score",
  "order_id",
  "pares_status",
  "payload",
  "reason_code",
  "reason_desc",
  "signature_verification",
  "status_reason",
  "threeds_version",
  "xid",
] as const;

const nestedRules: Record<string, FieldRule> = Object.fromEntries(
  authenticationSubfields.map((name) => [`authentication.${name}`, text]),
);

export const filterFields: Readonly<Record<string, FieldRule>> = {
  _id: text,
  amount: { kind: "number", ops: ["eq", "neq", "gte", "lte"] },
  card: text,
  created_at: { kind: "date", ops: ["eq", "neq", "gte", "lte"] },
  currency_code: { ...text, exactLength: 3 },
  entity_id: text,
  threeds_contract_id: text,
  transaction_id: text,
  ...nestedRules,
  "authentication.authorization_payload": { ...text, pattern: base64 },
  "authentication.challenge_cancel": { ...text, enum: ["01", "02", "03", "04", "05", "06", "07", "8.0"] },
  "authentication.network_score": { ...text, maxLength: 2 },
  // Documented as filters although a ThreeDSAuthentication never carries them: `=` and `~` match nothing, `!=` all.
  encrypted_card: text,
  public_key_alias: text,
};

/**
 * The `_sort` enum, verbatim. Surprise kept from the spec: `entity_name` and the two `white_list_status` fields sort
 * but cannot be filtered, and there is no `-entity_name` (descending on it is a 400).
 */
const ascending = [
  "_id",
  "amount",
  "card",
  "created_at",
  "currency_code",
  "entity_id",
  "entity_name",
  "threeds_contract_id",
  "transaction_id",
  ...authenticationSubfields.map((name) => `authentication.${name}`),
  "authentication.white_list_status",
  "authentication.white_list_status_source",
];
export const sortValues: ReadonlySet<string> = new Set([
  ...ascending,
  ...ascending.filter((field) => field !== "entity_name").map((field) => `-${field}`),
]);

export const opSuffixes: Readonly<Record<string, Operator>> = { "!": "neq", "~": "like", ">": "gte", "<": "lte" };
export const opSymbols: Readonly<Record<Operator, string>> = { eq: "=", neq: "!=", like: "~=", gte: ">=", lte: "<=" };
