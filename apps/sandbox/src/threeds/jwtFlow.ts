import { createHash, randomBytes, randomUUID } from "node:crypto";
import { invalidParameters, type ParameterProblem, VerifoneError } from "../http/errors.ts";
import { signJwt, verifyJwt } from "./jwt.ts";
import { eciFor, failureReasons } from "./seedTables.ts";
import type { ThreeDSState } from "./threedsState.ts";
import type { AuthenticationResult, ThreeDSAuthentication } from "./types.ts";

/**
 * `POST /v2/jwt/create` and `POST /v2/jwt/validate`. Validation accepts any unexpired, unused HS256 JWT signed with
 * the sandbox API key (e.g. the one /v2/jwt/create returned). If the authentication is waiting for a challenge
 * (pares_status C), validation completes it: Y, or N when the JWT's `Payload.ActionCode` is "FAILURE".
 */
const lifetimeSeconds = 2 * 60 * 60; // "The JWT will expire after 2 hours"
const shortId = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 24);

function requireStrings<K extends string>(body: unknown, fields: readonly K[]): Record<K, string> {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const problems: ParameterProblem[] = fields
    .filter((f) => typeof b[f] !== "string" || b[f] === "")
    .map((parameter) => ({ parameter, message: "is required" }));
  if (problems.length > 0) throw invalidParameters(problems);
  return b as Record<K, string>;
}

export function createJwt(body: unknown, userId: string, apiKey: string, nowMs = Date.now()) {
  const { threeds_contract_id } = requireStrings(body, ["threeds_contract_id"]);
  const iat = Math.floor(nowMs / 1000);
  const jwt = signJwt(
    {
      jti: randomUUID(),
      iss: shortId(userId),
      OrgUnitId: shortId(threeds_contract_id),
      Payload: {},
      iat,
      exp: iat + lifetimeSeconds,
    },
    apiKey,
  );
  return { jwt, threeds_contract_id };
}

function completeChallenge(record: ThreeDSAuthentication, succeeded: boolean): ThreeDSAuthentication {
  const brand = record.authentication.card_brand ?? "VISA";
  const a: AuthenticationResult = { ...record.authentication, signature_verification: "Y" };
  if (succeeded) {
    a.pares_status = "Y";
    a.eci_flag = eciFor(brand, "full");
    a.cavv = randomBytes(20).toString("base64");
    a.cavv_algorithm = brand === "MASTERCARD" || brand === "MAESTRO" ? "3" : "2";
  } else {
    const [code, desc] = failureReasons.N[1] ?? ["1013", "Cardholder failed the challenge"];
    Object.assign(a, { pares_status: "N", eci_flag: eciFor(brand, "none"), reason_code: code, reason_desc: desc });
    a.status_reason = "01";
  }
  return { ...record, authentication: a };
}

function actionCode(a: AuthenticationResult): string {
  if (a.pares_status === "Y" || a.pares_status === "A") return "SUCCESS";
  if (a.pares_status === "N" || a.pares_status === "R") return "FAILURE";
  return "NOACTION";
}

const resultFields = [
  "authorization_payload",
  "cavv",
  "cavv_algorithm",
  "eci_flag",
  "enrolled",
  "pares_status",
  "reason_code",
  "reason_desc",
  "signature_verification",
  "xid",
] as const;

export function validateJwt(state: ThreeDSState, body: unknown, apiKey: string, nowMs = Date.now()) {
  const input = requireStrings(body, ["authentication_id", "jwt", "threeds_contract_id"]);
  const record = state.store.get(input.authentication_id);
  if (!record) throw new VerifoneError(404, `ThreeDSAuthentication ${input.authentication_id} not found`);
  if (record.threeds_contract_id !== input.threeds_contract_id)
    throw invalidParameters([{ parameter: "threeds_contract_id", message: "does not match the authentication" }]);
  const check = verifyJwt(input.jwt, apiKey, Math.floor(nowMs / 1000));
  if (!check.ok) throw invalidParameters([{ parameter: "jwt", message: check.reason }]);
  const jti = typeof check.claims.jti === "string" ? check.claims.jti : input.jwt;
  if (state.usedJwtIds.has(jti)) throw invalidParameters([{ parameter: "jwt", message: "has already been used" }]);
  state.usedJwtIds.add(jti);

  let current = record;
  if (record.authentication.pares_status === "C") {
    const payload = check.claims.Payload as { ActionCode?: unknown } | undefined;
    current = state.store.update(record._id, (r) => completeChallenge(r, payload?.ActionCode !== "FAILURE")) ?? record;
  }
  const validation_result: Partial<Record<(typeof resultFields)[number], string>> = {};
  for (const field of resultFields) {
    const value = current.authentication[field];
    if (value !== undefined) validation_result[field] = value;
  }
  return {
    authentication_id: current._id,
    action_code: actionCode(current.authentication),
    error_no: "0",
    error_desc: "Success",
    validation_result,
  };
}
