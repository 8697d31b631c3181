import { describe, expect, it } from "vitest";
import { isPayment, paymentLiability } from "./payments.ts";

describe("isPayment", () => {
  it("counts sales, authorisations and pre-auths that were not declined", () => {
    for (const type of ["SALE", "AUTHORISATION", "PREAUTH", "sale"]) {
      expect(isPayment({ transaction_type: type, status: "AUTHORIZED" })).toBe(true);
      expect(isPayment({ transaction_type: type })).toBe(true);
      expect(isPayment({ transaction_type: type, status: "DECLINED" })).toBe(false);
      expect(isPayment({ transaction_type: type, status: "declined" })).toBe(false);
    }
  });

  it("never counts refunds, captures, voids or card verifications", () => {
    for (const type of ["REFUND", "CAPTURE", "VOID", "CARD_VERIFICATION", "", undefined]) {
      expect(isPayment({ transaction_type: type, status: "SETTLEMENT_COMPLETED" })).toBe(false);
    }
  });
});

describe("paymentLiability", () => {
  const block = {
    enrolled: "Y",
    pares_status: "Y",
    eci_flag: "05",
    ds_transaction_id: "ds-1",
    threeds_version: "2.2.0",
  };
  it("is MERCHANT / NO_3DS without a 3-D Secure block", () => {
    expect(paymentLiability({ transaction_type: "SALE" })).toMatchObject({ liable: "MERCHANT", reason: "NO_3DS" });
    expect(paymentLiability({ transaction_type: "SALE", threed_authentication: {} }).reason).toBe("NO_3DS");
  });
  it("completes a missing signature from the authentication with the same ds_transaction_id", () => {
    const tx = {
      transaction_type: "SALE",
      card_brand: "VISA",
      created_at: "2026-11-01T00:00:00Z",
      threed_authentication: block,
    };
    expect(paymentLiability(tx).reason).toBe("SIGNATURE_UNKNOWN");
    const match = { authentication: { ds_transaction_id: "ds-1", signature_verification: "Y" } };
    expect(paymentLiability(tx, match)).toMatchObject({ liable: "ISSUER", reason: "AUTHENTICATED" });
    const other = { authentication: { ds_transaction_id: "ds-2", signature_verification: "Y" } };
    expect(paymentLiability(tx, other).reason).toBe("SIGNATURE_UNKNOWN");
  });
});
