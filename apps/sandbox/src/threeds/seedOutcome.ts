import { luhnCheckDigit } from "../luhn.ts";
import type { Random } from "../random.ts";
import {
  authorizationPayload,
  creqPayload,
  encodeCavv,
  pareqPayload,
  toBase64,
  truncatedCreqPayload,
} from "./payloads.ts";
import type { Currency } from "./seedTables.ts";
import { acsUrls, cardholderInfos, eciFor, failureReasons, statusReasons } from "./seedTables.ts";
import type { AuthenticationResult } from "./types.ts";

export type OutcomeContext = {
  brand: string;
  version: string;
  createdMs: number;
  amount: number;
  currency: Currency;
  merchantName: string;
  cavvEncoding: "base64" | "hex";
};

/** Forced values for the hand-picked scenarios; `null` forces the field to be missing. */
export type OutcomeTraits = {
  enrolled?: string;
  pares?: string | null;
  signature?: string | null;
  /** Whether the ACS challenged (EMV 3DS only); drawn at random when not given. */
  challenged?: boolean;
  /** `truncated` forces a damaged CReq, `json` a well-formed one; otherwise 2% are damaged. */
  payload?: "truncated" | "json";
};

type Status = string | null;

/** 3DS server order id: 16 digits, mod-10 compliant, in a "800…" range as in Verifone's samples. */
export function orderId(rng: Random): string {
  const body = `800${rng.digits(12)}`;
  return body + luhnCheckDigit(body);
}

function purchaseDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

const enrollment = {
  v1: [
    ["Y", 80],
    ["N", 12],
    ["U", 6],
    ["B", 2],
  ],
  v2: [
    ["Y", 90],
    ["N", 3],
    ["U", 4],
    ["B", 3],
  ],
} as const;

/** PAResStatus when the card is enrolled; C and R exist only in EMV 3DS (2.x). */
const paresStatuses: Record<"v1" | "v2", readonly (readonly [Status, number])[]> = {
  v1: [
    ["Y", 70],
    ["A", 10],
    ["N", 9],
    ["U", 7],
    [null, 4],
  ],
  v2: [
    ["Y", 60],
    ["A", 8],
    ["N", 7],
    ["U", 6],
    ["R", 4],
    ["C", 10],
    [null, 5],
  ],
};

const signatures: readonly (readonly [Status, number])[] = [
  ["Y", 92],
  ["N", 4],
  [null, 4],
];

/** Whether the ACS stepped up to a challenge: always for C (pending), sometimes before a final Y / N / U. */
function drawChallenged(rng: Random, pares: Status): boolean {
  if (pares === "C") return true;
  const share: Record<string, number> = { Y: 0.25, N: 0.5, U: 0.2 };
  return pares !== null && rng.chance(share[pares] ?? 0);
}

/** Without a PARes there is rarely a verified signature; with one, it is mostly Y, sometimes N or missing. */
function drawSignature(rng: Random, pares: Status): Status {
  if (pares === null) return rng.chance(0.3) ? "Y" : null;
  return rng.weighted(signatures);
}

function addFailure(a: AuthenticationResult, rng: Random, status: "N" | "R" | "U", v1: boolean) {
  const [code, desc] = rng.pick(failureReasons[status]);
  a.reason_code = code;
  a.reason_desc = desc;
  if (!v1) a.status_reason = rng.pick(statusReasons[status]);
}

function notEnrolled(a: AuthenticationResult, rng: Random, ctx: OutcomeContext, traits: OutcomeTraits) {
  const pares = traits.pares !== undefined ? traits.pares : a.enrolled === "U" && rng.chance(0.5) ? "U" : null;
  if (pares) a.pares_status = pares;
  if (traits.signature) a.signature_verification = traits.signature;
  if (!rng.chance(0.02)) a.eci_flag = eciFor(ctx.brand, "none");
  if (a.enrolled === "U") {
    addFailure(a, rng, "U", ctx.version.startsWith("1."));
    if (rng.chance(0.4)) {
      a.error_no = "1001";
      a.error_desc = "Error Processing Message Request";
    }
  }
  return a;
}

export function authenticationOutcome(rng: Random, ctx: OutcomeContext, traits: OutcomeTraits): AuthenticationResult {
  const v1 = ctx.version.startsWith("1.");
  const a: AuthenticationResult = {
    threeds_version: ctx.version,
    enrolled: traits.enrolled ?? rng.weighted<string>(enrollment[v1 ? "v1" : "v2"]),
    card_brand: ctx.brand,
    order_id: orderId(rng),
    error_no: "0",
  };
  if (!v1) a.ds_transaction_id = rng.uuid();
  if (rng.chance(0.5)) a.error_desc = "Success";
  if (a.enrolled !== "Y") return notEnrolled(a, rng, ctx, traits);

  const pares = traits.pares !== undefined ? traits.pares : rng.weighted(paresStatuses[v1 ? "v1" : "v2"]);
  const challenged = !v1 && (traits.challenged ?? drawChallenged(rng, pares));
  const signature = traits.signature !== undefined ? traits.signature : drawSignature(rng, pares);
  const acsTransId = rng.uuid();
  if (!v1) {
    a.acs_transaction_id = acsTransId;
    a.challenge_required = challenged ? "Y" : "N";
  }
  if (pares) a.pares_status = pares;
  if (signature) a.signature_verification = signature;
  a.eci_flag = eciFor(ctx.brand, pares === "Y" ? "full" : pares === "A" ? "attempted" : "none");

  if (pares === "Y" || pares === "A") {
    a.cavv = encodeCavv(rng.bytes(20), ctx.cavvEncoding);
    a.cavv_algorithm = ctx.brand === "MASTERCARD" || ctx.brand === "MAESTRO" ? "3" : "2";
  }
  if (v1) {
    a.xid = toBase64(rng.bytes(20));
    a.acs_url = rng.pick(acsUrls);
    a.payload = pareqPayload(a.xid, ctx.amount, ctx.currency.numeric, ctx.merchantName);
  } else if (challenged) {
    a.acs_url = rng.pick(acsUrls);
    a.authentication_type = rng.weighted([
      ["02", 70],
      ["03", 20],
      ["01", 10],
    ]);
    const serverTransId = rng.uuid();
    const window = rng.pick(["01", "02", "03", "04", "05"]);
    a.payload =
      traits.payload === "truncated" || (traits.payload !== "json" && rng.chance(0.02))
        ? truncatedCreqPayload(ctx.version, serverTransId)
        : creqPayload(ctx.version, serverTransId, acsTransId, window);
    if (rng.chance(0.15)) a.acs_rendering_type = rng.pick(["01", "02", "03", "04", "05"]);
  }
  if (!v1 && a.cavv && a.eci_flag && a.ds_transaction_id && (ctx.brand === "CB" || rng.chance(0.2))) {
    a.authorization_payload = authorizationPayload({
      eci: a.eci_flag,
      cavv: a.cavv,
      transStatus: pares ?? "Y",
      dsTransId: a.ds_transaction_id,
      acsTransId,
      version: ctx.version,
      merchantName: ctx.merchantName,
      purchaseDate: purchaseDate(ctx.createdMs),
      amount: ctx.amount,
      currencyNumeric: ctx.currency.numeric,
      brand: ctx.brand,
      challenged,
    });
  }
  if (!v1 && ctx.brand === "CB") a.network_score = rng.digits(2);
  if (pares === "N" || pares === "R" || pares === "U") addFailure(a, rng, pares, v1);
  if (challenged && (pares === "N" || pares === "U") && rng.chance(0.4)) {
    a.challenge_cancel = rng.pick(["01", "03", "04", "05", "06", "07"]);
  }
  if (!v1 && (pares === "N" || pares === "R") && rng.chance(0.15)) a.cardholder_info = rng.pick(cardholderInfos);
  return a;
}
