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
import { acsUrls, cardholderInfos, challengeCancels, eciFor, failureReasons, statusReasons } from "./seedTables.ts";
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
    ["Y", 82],
    ["N", 10],
    ["U", 6],
    ["B", 2],
  ],
  v2: [
    ["Y", 94],
    ["N", 2.5],
    ["U", 2.5],
    ["B", 1],
  ],
} as const;

/** 3DS 1.0 PARes of an enrolled card (no challenge flags, no C or R in 1.0). */
const v1Statuses: readonly (readonly [Status, number])[] = [
  ["Y", 80],
  ["A", 8],
  ["N", 6],
  ["U", 4],
  [null, 2],
];

/** EMV 3DS without a challenge: the issuer's risk engine mostly approves. */
const frictionlessStatuses: readonly (readonly [Status, number])[] = [
  ["Y", 89.5],
  ["A", 3],
  ["U", 3],
  ["N", 2],
  ["R", 1.5],
  [null, 1],
];

/** How a challenge ends: passed, abandoned (see challengeCancels), failed, unavailable, rejected, still pending. */
const challengeEnds = [
  ["Y", 78],
  ["cancelled", 11.5],
  ["N", 6],
  ["U", 2],
  ["C", 1.5],
  ["R", 1],
] as const;

/** Issuers step up some brands more than others (Amex's risk engine lets most through; debit Maestro is strict). */
const brandChallengeFactor: Readonly<Record<string, number>> = {
  AMEX: 0.8,
  MAESTRO: 1.25,
  CB: 1.1,
  UPI: 1.3,
  JCB: 1.1,
  DINERS: 1.1,
  MASTERCARD: 1.02,
};

/**
 * The chance that the ACS challenges an enrolled EMV 3DS authentication: more often on 2.1.0 than on 2.2.0, rarely
 * for small baskets (low-value exemption), more for large ones, a little less every year as issuers' risk engines
 * improve.
 */
function challengeChance(ctx: OutcomeContext): number {
  const euros = ctx.amount / 10 ** ctx.currency.exponent / ctx.currency.scale;
  const size = euros < 30 ? 0.6 : euros < 100 ? 0.95 : euros < 250 ? 1.2 : 1.45;
  const yearsBefore2026 = (Date.UTC(2026, 0, 1) - ctx.createdMs) / (365.25 * 86_400_000);
  const trend = Math.min(1.25, Math.max(0.9, 1 + 0.04 * yearsBefore2026));
  const base = ctx.version.startsWith("2.1") ? 0.48 : 0.395;
  return Math.min(0.95, base * size * trend * (brandChallengeFactor[ctx.brand] ?? 1));
}

type Drawn = { pares: Status; challenged: boolean; cancel?: { code: string; reason: string } };

function drawResult(rng: Random, ctx: OutcomeContext, traits: OutcomeTraits, v1: boolean): Drawn {
  if (traits.pares !== undefined) {
    const pares = traits.pares;
    return { pares, challenged: !v1 && (traits.challenged ?? drawChallenged(rng, pares)) };
  }
  if (v1) return { pares: rng.weighted(v1Statuses), challenged: false };
  const challenged = traits.challenged ?? rng.chance(challengeChance(ctx));
  if (!challenged) return { pares: rng.weighted(frictionlessStatuses), challenged };
  const end = rng.weighted<(typeof challengeEnds)[number][0]>(challengeEnds);
  if (end !== "cancelled") return { pares: end, challenged };
  const cancel = rng.weighted(challengeCancels);
  return { pares: cancel.pares, challenged, cancel: { code: cancel.code, reason: cancel.reason } };
}

const signatures: readonly (readonly [Status, number])[] = [
  ["Y", 97],
  ["N", 1.5],
  [null, 1.5],
];

/** Whether the ACS stepped up to a challenge when the PARes is given: always for C (pending), sometimes otherwise. */
function drawChallenged(rng: Random, pares: Status): boolean {
  if (pares === "C") return true;
  const share: Record<string, number> = { Y: 0.25, N: 0.5, U: 0.2 };
  return pares !== null && rng.chance(share[pares] ?? 0);
}

/** Without a PARes there is rarely a verified signature; with one, it is nearly always Y. */
function drawSignature(rng: Random, pares: Status): Status {
  if (pares === null) return rng.chance(0.3) ? "Y" : null;
  return rng.weighted(signatures);
}

function addFailure(a: AuthenticationResult, rng: Random, status: "N" | "R" | "U", v1: boolean, challenged = false) {
  const reasons = failureReasons[status];
  // A failed challenge says so; a frictionless refusal is the card authentication failing.
  const [code, desc] = status === "N" ? (reasons[challenged ? 1 : 0] ?? rng.pick(reasons)) : rng.pick(reasons);
  a.reason_code = code;
  a.reason_desc = desc;
  if (!v1) a.status_reason = rng.weighted(statusReasons[status === "N" && challenged ? "challengeN" : status]);
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

  const { pares, challenged, cancel } = drawResult(rng, ctx, traits, v1);
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
  if (pares === "N" || pares === "R" || pares === "U") addFailure(a, rng, pares, v1, challenged);
  if (cancel) {
    a.challenge_cancel = cancel.code;
    a.status_reason = cancel.reason;
  }
  if (!v1 && (pares === "N" || pares === "R") && rng.chance(0.15)) a.cardholder_info = rng.pick(cardholderInfos);
  return a;
}
