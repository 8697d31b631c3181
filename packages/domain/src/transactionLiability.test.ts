import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liabilityOf } from "./liability.ts";
import {
  authenticationLookupFilters,
  carriedLiability,
  findMatchingAuthentication,
  isFollowOn,
  type MatchingAuthentication,
  matchesLiabilityFilter,
  needsAuthenticationLookup,
  originalsToRead,
  type TransactionForLiability,
  transactionLiability,
} from "./transactionLiability.ts";

const ds = "4eaa10ef-e5e4-4b4c-8aef-29439e450b60";

/** A Mastercard 2.2.0 payment whose block shifts liability once its signature is known. */
const payment = (
  block: TransactionForLiability["threed_authentication"] = {},
  over: Partial<TransactionForLiability> = {},
) => ({
  created_at: "2024-03-01T10:00:00Z",
  card_brand: "MASTERCARD",
  threed_authentication:
    block === null
      ? null
      : { eci_flag: "02", enrolled: "Y", pares_status: "Y", threeds_version: "2.2.0", ds_transaction_id: ds, ...block },
  ...over,
});

const authentication = (auth: NonNullable<MatchingAuthentication["authentication"]> = {}): MatchingAuthentication => ({
  created_at: "2024-03-01T09:59:00Z",
  authentication: {
    card_brand: "Mastercard",
    threeds_version: "2.2.0",
    enrolled: "Y",
    signature_verification: "Y",
    pares_status: "Y",
    eci_flag: "02",
    ds_transaction_id: ds,
    ...auth,
  },
});

describe("transactionLiability", () => {
  it("without a 3-D Secure block: MERCHANT / NO_3DS", () => {
    const none = { liable: "MERCHANT", reason: "NO_3DS", eci: "UNKNOWN" };
    expect(transactionLiability(payment(null))).toEqual(none);
    expect(transactionLiability({ created_at: "2024-03-01" })).toEqual(none);
    // An empty block (or one of blanks) is no authentication either.
    expect(transactionLiability({ threed_authentication: {} })).toEqual(none);
    expect(transactionLiability({ threed_authentication: { eci_flag: " ", enrolled: null } })).toEqual(none);
  });

  it("a block without signature_verification and no matching authentication: SIGNATURE_UNKNOWN (rule 3)", () => {
    expect(transactionLiability(payment())).toEqual({ liable: "MERCHANT", reason: "SIGNATURE_UNKNOWN", eci: "FULL" });
  });

  it("completes the signature from the authentication with the same ds_transaction_id", () => {
    expect(transactionLiability(payment(), authentication())).toEqual({
      liable: "ISSUER",
      reason: "AUTHENTICATED",
      eci: "FULL",
    });
    expect(transactionLiability(payment(), authentication({ signature_verification: "N" })).reason).toBe(
      "SIGNATURE_INVALID",
    );
    // Case and surrounding spaces do not matter in the id.
    const upper = payment({ ds_transaction_id: ` ${ds.toUpperCase()} ` });
    expect(transactionLiability(upper, authentication()).reason).toBe("AUTHENTICATED");
  });

  it("ignores an authentication with another (or no) ds_transaction_id", () => {
    expect(transactionLiability(payment(), authentication({ ds_transaction_id: "other" })).reason).toBe(
      "SIGNATURE_UNKNOWN",
    );
    expect(
      transactionLiability(payment({ ds_transaction_id: "" }), authentication({ ds_transaction_id: "" })).reason,
    ).toBe("SIGNATURE_UNKNOWN");
  });

  it("keeps the block's own signature_verification when a payment carries one", () => {
    expect(transactionLiability(payment({ signature_verification: "Y" })).reason).toBe("AUTHENTICATED");
    expect(
      transactionLiability(payment({ signature_verification: "N" }), authentication({ signature_verification: "Y" }))
        .reason,
    ).toBe("SIGNATURE_INVALID");
  });

  it("reads the block's other fields: enrolment, pares_status, eci_flag", () => {
    const auth = authentication();
    expect(transactionLiability(payment({ enrolled: "N" }), auth).reason).toBe("NOT_ENROLLED");
    expect(transactionLiability(payment({ pares_status: "A", eci_flag: "01" }), auth)).toEqual({
      liable: "ISSUER",
      reason: "ATTEMPTED",
      eci: "ATTEMPTED",
    });
    expect(transactionLiability(payment({ pares_status: "N", eci_flag: "00" }), auth)).toEqual({
      liable: "MERCHANT",
      reason: "AUTHENTICATION_FAILED",
      eci: "NONE",
    });
  });

  it("rule 1 takes the brand from the transaction's card_brand and the date from its created_at", () => {
    const visa1 = { threeds_version: "1.0.2", signature_verification: "Y" };
    expect(
      transactionLiability(payment(visa1, { card_brand: "VISA", created_at: "2021-10-16T08:00:00Z" })).reason,
    ).toBe("LEGACY_3DS1_VISA");
    expect(
      transactionLiability(payment(visa1, { card_brand: "VISA", created_at: "2021-10-15T08:00:00Z" })).reason,
    ).toBe("AUTHENTICATED");
    // Without a brand of its own, the matching authentication's brand is used.
    const noBrand = payment({ threeds_version: "1.0.2" }, { card_brand: null, created_at: "2022-01-01" });
    expect(transactionLiability(noBrand, authentication({ card_brand: "Visa", threeds_version: "1.0.2" })).reason).toBe(
      "LEGACY_3DS1_VISA",
    );
  });

  it("agrees with the matching authentication's liability when the blocks carry the same values", () => {
    const value = (options: string[]) => fc.oneof(fc.constantFrom(...options), fc.constant(undefined), fc.string());
    const arb = fc.record({
      card_brand: fc.constantFrom("VISA", "MASTERCARD", "AMEX", "JCB"),
      threeds_version: fc.constantFrom("1.0.2", "2.1.0", "2.2.0"),
      enrolled: value(["Y", "N", "U", "B"]),
      signature_verification: value(["Y", "N"]),
      pares_status: value(["Y", "A", "N", "U", "R", "C"]),
      eci_flag: value(["00", "01", "02", "05", "06", "07"]),
      created_at: fc
        .date({ min: new Date("2019-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString()),
    });
    fc.assert(
      fc.property(arb, ({ created_at, card_brand, ...fields }) => {
        const auth: MatchingAuthentication = {
          created_at,
          authentication: { ...fields, card_brand, ds_transaction_id: ds },
        };
        const { signature_verification: _, ...block } = fields;
        const tx: TransactionForLiability = {
          created_at,
          card_brand,
          threed_authentication: { ...block, ds_transaction_id: ds },
        };
        expect(transactionLiability(tx, auth)).toEqual(liabilityOf(auth));
      }),
      { numRuns: 300 },
    );
  });
});

describe("looking the authentications of a page up", () => {
  const needing = payment({ ds_transaction_id: "ds-1" });
  const signed = payment({ ds_transaction_id: "ds-2", signature_verification: "Y" });
  const noId = payment({ ds_transaction_id: undefined });
  const plain = payment(null);

  it("asks only for blocks without a signature verdict that carry a ds_transaction_id", () => {
    expect([needing, signed, noId, plain].map(needsAuthenticationLookup)).toEqual([true, false, false, false]);
  });

  it("builds one OR of eq filters, without duplicates", () => {
    const again = payment({ ds_transaction_id: "ds-1" });
    const other = payment({ ds_transaction_id: "ds-3" });
    expect(authenticationLookupFilters([needing, signed, again, other, plain])).toEqual([
      { field: "authentication.ds_transaction_id", op: "eq", value: "ds-1" },
      { field: "authentication.ds_transaction_id", op: "eq", value: "ds-3" },
    ]);
    expect(authenticationLookupFilters([plain, signed])).toEqual([]);
  });

  it("finds the matching authentication in the answer", () => {
    const a1 = authentication({ ds_transaction_id: "ds-1" });
    const a3 = authentication({ ds_transaction_id: "ds-3" });
    expect(findMatchingAuthentication(needing, [a3, a1])).toBe(a1);
    expect(findMatchingAuthentication(noId, [a3, a1])).toBeUndefined();
  });
});

describe("a capture, refund or void carries its original payment's verdict", () => {
  type Tx = TransactionForLiability & { id: string; parent_id?: string | null };
  const sale: Tx = { id: "sale", ...payment() };
  const auth: Tx = { id: "auth", ...payment({}, { card_brand: "VISA" }) };
  const capture: Tx = { id: "cap", parent_id: "auth", created_at: "2024-03-02T10:00:00Z", card_brand: "VISA" };
  const refundOfCapture: Tx = { id: "ref2", parent_id: "cap", created_at: "2024-03-03T10:00:00Z" };
  const refund: Tx = { id: "ref", parent_id: "sale", created_at: "2024-03-05T10:00:00Z", card_brand: "MASTERCARD" };
  const all = new Map([sale, auth, capture, refundOfCapture, refund].map((t) => [t.id, t]));
  const own = (t: Tx) => transactionLiability(t, authentication());
  const carried = (t: Tx, known = all) => carriedLiability(t, (id) => known.get(id), own);

  it("a refund is the sale's verdict, never NO_3DS, and names the sale", () => {
    expect(transactionLiability(refund).reason).toBe("NO_3DS");
    expect(carried(refund)).toEqual({ liability: own(sale), liabilityOf: "sale" });
    expect(carried(refund).liability).toMatchObject({ liable: "ISSUER", reason: "AUTHENTICATED" });
  });

  it("a refund of a capture follows the chain up to the authorisation", () => {
    expect(carried(refundOfCapture)).toEqual({ liability: own(auth), liabilityOf: "auth" });
  });

  it("without its original: no verdict, pointing at the payment to see", () => {
    expect(carried(refund, new Map())).toEqual({ liability: null, liabilityOf: "sale" });
    const loop: Tx = { id: "loop", parent_id: "loop" };
    expect(carried(loop, new Map([["loop", loop]]))).toEqual({ liability: null, liabilityOf: "loop" });
  });

  it("a payment keeps its own verdict", () => {
    expect(carried(sale)).toEqual({ liability: own(sale), liabilityOf: null });
    expect(isFollowOn(sale)).toBe(false);
    expect(isFollowOn(refund)).toBe(true);
  });

  it("reads each missing original once per round", () => {
    expect(originalsToRead([refund, refundOfCapture, capture, sale], new Set(["sale"]))).toEqual(["cap", "auth"]);
  });

  it("the liability filter keeps what it names; UNKNOWN keeps rows without a verdict", () => {
    const issuer = { liable: "ISSUER" as const };
    expect(matchesLiabilityFilter(issuer, [])).toBe(true);
    expect(matchesLiabilityFilter(issuer, ["MERCHANT"])).toBe(false);
    expect(matchesLiabilityFilter(null, ["UNKNOWN"])).toBe(true);
    expect(matchesLiabilityFilter(null, ["ISSUER", "MERCHANT"])).toBe(false);
  });
});
