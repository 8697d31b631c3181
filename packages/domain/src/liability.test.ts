import { describe, expect, it } from "vitest";
import { type LiabilityInput, liabilityOf, utcDateOf } from "./liability.ts";
import { liabilityReasons, liabilityReasonText } from "./liabilityReasons.ts";

type Auth = NonNullable<LiabilityInput["authentication"]>;

/** A Mastercard 2.2.0 authentication that shifts liability, changed by `auth` and `createdAt`. */
function record(auth: Partial<Auth> = {}, createdAt: string | null = "2023-03-01T10:00:00Z"): LiabilityInput {
  return {
    created_at: createdAt,
    authentication: {
      card_brand: "MASTERCARD",
      threeds_version: "2.2.0",
      enrolled: "Y",
      signature_verification: "Y",
      pares_status: "Y",
      eci_flag: "02",
      ...auth,
    },
  };
}

const legacyVisa = { card_brand: "VISA", threeds_version: "1.0.2" };

describe("liabilityOf, one row at a time", () => {
  it("rule 1: Visa on 3DS 1 from 2021-10-16 stays with the merchant", () => {
    expect(liabilityOf(record(legacyVisa, "2021-10-16T00:00:00Z"))).toMatchObject({
      liable: "MERCHANT",
      reason: "LEGACY_3DS1_VISA",
    });
  });

  it.each([
    ["N", "NOT_ENROLLED"],
    ["U", "ENROLLMENT_UNAVAILABLE"],
    ["B", "ENROLLMENT_BYPASSED"],
    ["X", "ENROLLMENT_UNKNOWN"],
    [undefined, "ENROLLMENT_UNKNOWN"],
    [null, "ENROLLMENT_UNKNOWN"],
    ["", "ENROLLMENT_UNKNOWN"],
    ["  ", "ENROLLMENT_UNKNOWN"],
  ])("rule 2: enrolled %j → MERCHANT / %s", (enrolled, reason) => {
    expect(liabilityOf(record({ enrolled }))).toMatchObject({ liable: "MERCHANT", reason });
  });

  it.each([
    ["N", "SIGNATURE_INVALID"],
    ["U", "SIGNATURE_UNKNOWN"],
    [undefined, "SIGNATURE_UNKNOWN"],
    ["", "SIGNATURE_UNKNOWN"],
  ])("rule 3: signature_verification %j → MERCHANT / %s", (signature_verification, reason) => {
    expect(liabilityOf(record({ signature_verification }))).toMatchObject({ liable: "MERCHANT", reason });
  });

  it("rule 4: pares_status Y shifts liability to the issuer", () => {
    expect(liabilityOf(record({ pares_status: "Y" }))).toEqual({
      liable: "ISSUER",
      reason: "AUTHENTICATED",
      eci: "FULL",
    });
  });

  it("rule 5: pares_status A shifts liability to the issuer", () => {
    expect(liabilityOf(record({ pares_status: "A", eci_flag: "01" }))).toEqual({
      liable: "ISSUER",
      reason: "ATTEMPTED",
      eci: "ATTEMPTED",
    });
  });

  it.each([
    ["N", "AUTHENTICATION_FAILED"],
    ["U", "AUTHENTICATION_UNAVAILABLE"],
    ["R", "AUTHENTICATION_REJECTED"],
    ["C", "CHALLENGE_PENDING"],
    ["I", "STATUS_UNKNOWN"],
    [undefined, "STATUS_UNKNOWN"],
    ["", "STATUS_UNKNOWN"],
  ])("rule 6: pares_status %j → MERCHANT / %s", (pares_status, reason) => {
    expect(liabilityOf(record({ pares_status }))).toMatchObject({ liable: "MERCHANT", reason });
  });

  it("a record without an authentication block has no known enrolment", () => {
    expect(liabilityOf({ created_at: "2023-01-01", authentication: null })).toEqual({
      liable: "MERCHANT",
      reason: "ENROLLMENT_UNKNOWN",
      eci: "UNKNOWN",
    });
    expect(liabilityOf({})).toMatchObject({ reason: "ENROLLMENT_UNKNOWN" });
  });
});

describe("liabilityOf, precedence between rows", () => {
  it("legacy Visa beats every other row, even a perfect authentication", () => {
    for (const auth of [{}, { enrolled: "N" }, { signature_verification: "N" }, { pares_status: "A" }]) {
      expect(liabilityOf(record({ ...legacyVisa, ...auth }, "2022-01-01")).reason).toBe("LEGACY_3DS1_VISA");
    }
  });

  it("NOT_ENROLLED beats a Y pares_status", () => {
    expect(liabilityOf(record({ enrolled: "N", pares_status: "Y" })).reason).toBe("NOT_ENROLLED");
  });

  it("an invalid signature beats a Y pares_status", () => {
    expect(liabilityOf(record({ signature_verification: "N", pares_status: "Y" })).reason).toBe("SIGNATURE_INVALID");
  });

  it("enrolment is checked before the signature", () => {
    expect(liabilityOf(record({ enrolled: "U", signature_verification: "N" })).reason).toBe("ENROLLMENT_UNAVAILABLE");
  });
});

describe("liabilityOf, rule 1 boundaries", () => {
  it("Visa 1.0.2 the day before the cutoff is not rule 1", () => {
    expect(liabilityOf(record(legacyVisa, "2021-10-15T23:59:59Z"))).toMatchObject({
      liable: "ISSUER",
      reason: "AUTHENTICATED",
    });
  });

  it("compares by UTC date: 00:30 on the 16th at +02:00 is still the 15th in UTC", () => {
    expect(liabilityOf(record(legacyVisa, "2021-10-16T00:30:00+02:00")).reason).toBe("AUTHENTICATED");
    expect(liabilityOf(record(legacyVisa, "2021-10-15T23:30:00-02:00")).reason).toBe("LEGACY_3DS1_VISA");
  });

  it("a date-only created_at on the cutoff day is rule 1", () => {
    expect(liabilityOf(record(legacyVisa, "2021-10-16")).reason).toBe("LEGACY_3DS1_VISA");
  });

  it("a Mastercard on 1.0.2 after the cutoff is not rule 1", () => {
    expect(liabilityOf(record({ card_brand: "MASTERCARD", threeds_version: "1.0.2" }, "2022-05-01")).reason).toBe(
      "AUTHENTICATED",
    );
  });

  it("Visa on 3DS 2 after the cutoff is not rule 1", () => {
    expect(liabilityOf(record({ card_brand: "VISA", threeds_version: "2.1.0" }, "2022-05-01")).liable).toBe("ISSUER");
  });

  it.each(["1.0", "1.0.1", "1.0.2"])("every 3DS 1 version (%s) counts", (threeds_version) => {
    expect(liabilityOf(record({ card_brand: "VISA", threeds_version }, "2022-05-01")).reason).toBe("LEGACY_3DS1_VISA");
  });

  it("without a readable created_at, rule 1 cannot be shown to apply", () => {
    for (const createdAt of [null, "", "yesterday", "2021-13-01", "2022-02-30"]) {
      expect(liabilityOf(record(legacyVisa, createdAt)).reason).toBe("AUTHENTICATED");
    }
  });
});

describe("liabilityOf, spelling", () => {
  it("compares case-insensitively and ignores surrounding blanks", () => {
    expect(liabilityOf(record({ card_brand: "visa", threeds_version: " 1.0.2 " }, "2022-01-01")).reason).toBe(
      "LEGACY_3DS1_VISA",
    );
    expect(liabilityOf(record({ card_brand: "Visa", threeds_version: "1.0.2" }, "2022-01-01")).reason).toBe(
      "LEGACY_3DS1_VISA",
    );
    expect(liabilityOf(record({ enrolled: "y", signature_verification: "y", pares_status: "a" }))).toMatchObject({
      liable: "ISSUER",
      reason: "ATTEMPTED",
    });
    expect(liabilityOf(record({ enrolled: "b" })).reason).toBe("ENROLLMENT_BYPASSED");
    expect(liabilityOf(record({ pares_status: " r " })).reason).toBe("AUTHENTICATION_REJECTED");
  });

  it("a blank brand is no brand", () => {
    expect(liabilityOf(record({ card_brand: " ", threeds_version: "1.0.2" }, "2022-01-01")).reason).toBe(
      "AUTHENTICATED",
    );
  });
});

describe("liabilityReasonText", () => {
  it("has a sentence for every reason", () => {
    for (const reason of liabilityReasons) expect(liabilityReasonText[reason]).toMatch(/^[A-Z].{20,}\.$/);
    expect(Object.keys(liabilityReasonText).sort()).toEqual([...liabilityReasons].sort());
  });
});

describe("utcDateOf", () => {
  it.each([
    ["2021-10-16", "2021-10-16"],
    ["2021-10-16T23:30:00-01:00", "2021-10-17"],
    ["2021-10-16T01:00:00+0200", "2021-10-15"],
    ["2021-10-16T12:00:00.123Z", "2021-10-16"],
    ["2021-10-16T00:00:00", "2021-10-16"],
    ["2021-10-16 22:00", "2021-10-16"],
  ])("%s → %s", (input, expected) => {
    expect(utcDateOf(input)).toBe(expected);
  });

  it.each(["", "16/10/2021", "Oct 16 2021", "2021-10-16T25:00Z", "2021-02-29"])("%j → null", (input) => {
    expect(utcDateOf(input)).toBeNull();
  });
});
