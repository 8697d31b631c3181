/**
 * The 3DS record as Verifone's `GET /v2/3d` returns it (`ThreeDSAuthentication` / `AuthenticationResult` in
 * 3ds-authentication-api.json). Written by hand on purpose — the sandbox shares no code with the client — and kept
 * honest by the contract test, which validates real responses against the OpenAPI schemas.
 */
export type AuthenticationResult = {
  threeds_version?: string;
  enrolled?: string;
  error_desc?: string;
  error_no?: string;
  order_id?: string;
  eci_flag?: string;
  signature_verification?: string;
  ds_transaction_id?: string;
  acs_url?: string;
  card_brand?: string;
  network_score?: string;
  challenge_cancel?: string;
  authorization_payload?: string;
  cavv?: string;
  cavv_algorithm?: string;
  pares_status?: string;
  payload?: string;
  xid?: string;
  reason_code?: string;
  reason_desc?: string;
  cardholder_info?: string;
  acs_rendering_type?: string;
  acs_transaction_id?: string;
  authentication_type?: string;
  challenge_required?: string;
  status_reason?: string;
};

export type ThreeDSAuthentication = {
  _id: string;
  /** Integer, in the minor units of `currency_code` (JPY has none, BHD and KWD have three). */
  amount: number;
  threeds_contract_id: string;
  authentication: AuthenticationResult;
  card?: string;
  currency_code: string;
  /** ISO 8601 date-time in UTC, e.g. `2021-10-16T09:41:07.123Z`. */
  created_at: string;
  entity_id: string;
  transaction_id: string;
};
