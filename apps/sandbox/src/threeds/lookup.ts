import { randomInt, randomUUID } from "node:crypto";
import { createRandom } from "../random.ts";
import type { LookupInput } from "./lookupRequest.ts";
import { authenticationOutcome } from "./seedOutcome.ts";
import { type Currency, currencyByCode } from "./seedTables.ts";
import { brandOfPan, defaultOutcome, type LookupOutcome, testCardOutcomes } from "./testCards.ts";
import type { ThreeDSState } from "./threedsState.ts";
import type { AuthenticationResult, ThreeDSAuthentication } from "./types.ts";

/** The LookupResponse fields copied from the authentication block (`challenge_cancel` is not one of them). */
const responseFields = [
  "acs_rendering_type",
  "acs_transaction_id",
  "acs_url",
  "authentication_type",
  "authorization_payload",
  "cardholder_info",
  "cavv",
  "cavv_algorithm",
  "challenge_required",
  "card_brand",
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
] as const satisfies readonly (keyof AuthenticationResult)[];

export type LookupResponse = Partial<Record<(typeof responseFields)[number], string>> & {
  authentication_id: string;
  transaction_id: string;
};

export function lookupResponseOf(record: ThreeDSAuthentication): LookupResponse {
  const response: LookupResponse = { authentication_id: record._id, transaction_id: record.transaction_id };
  for (const field of responseFields) {
    const value = record.authentication[field];
    if (value !== undefined) response[field] = value;
  }
  return response;
}

function brandAndOutcome(state: ThreeDSState, input: LookupInput): { brand: string; outcome: LookupOutcome } {
  if (input.source.kind === "pan") {
    const { pan } = input.source;
    return { brand: brandOfPan(pan), outcome: testCardOutcomes[pan] ?? defaultOutcome };
  }
  const cardId = input.source.id;
  const [earlier] = state.store.list({
    conditions: [{ field: "card", kind: "string", op: "eq", value: cardId }],
    sort: [],
    limit: 1,
    skip: 0,
  });
  return { brand: earlier?.authentication.card_brand ?? "VISA", outcome: defaultOutcome };
}

/** Runs a lookup: decides the outcome, stores the new authentication (visible to list/count/get at once). */
export function performLookup(state: ThreeDSState, input: LookupInput, now = Date.now()): ThreeDSAuthentication {
  const rng = createRandom(randomInt(2 ** 32));
  const entity = state.entities.find((e) => e.contracts.includes(input.threeds_contract_id)) ?? state.entities[0];
  if (!entity) throw new Error("the sandbox has no merchant entities");
  const { brand, outcome } = brandAndOutcome(state, input);
  const version = input.threeds_version ?? "2.2.0";
  // C and R exist only in EMV 3DS; a forced 1.0.2 lookup of such a card authenticates.
  const pares = version.startsWith("1.") && (outcome.pares === "C" || outcome.pares === "R") ? "Y" : outcome.pares;
  const currency: Currency = currencyByCode(input.currency_code) ?? {
    code: input.currency_code,
    exponent: 2,
    numeric: "999",
    scale: 1,
  };
  const authentication = authenticationOutcome(
    rng,
    {
      brand,
      version,
      createdMs: now,
      amount: input.amount,
      currency,
      merchantName: entity.merchantName,
      cavvEncoding: entity.cavvEncoding,
    },
    { enrolled: outcome.enrolled, pares, signature: outcome.signature, challenged: pares === "C", payload: "json" },
  );
  const record: ThreeDSAuthentication = {
    _id: randomUUID(),
    amount: input.amount,
    threeds_contract_id: input.threeds_contract_id,
    authentication,
    card: input.source.kind === "pan" ? rng.alnum(16) : input.source.id,
    currency_code: input.currency_code,
    created_at: new Date(now).toISOString(),
    entity_id: entity.entity_id,
    transaction_id: rng.alnum(20),
  };
  state.store.add(record);
  return record;
}
