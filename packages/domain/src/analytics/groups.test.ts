import { describe, expect, it } from "vitest";
import { authenticationFacts } from "./facts.ts";
import { addFacts, emptyGroupCounts, groupRates, toGroup } from "./groups.ts";

const base = { card_brand: "VISA", threeds_version: "2.2.0", enrolled: "Y", signature_verification: "Y" };
const records = [
  { ...base, pares_status: "Y" }, // frictionless, authenticated, issuer
  { ...base, pares_status: "A" }, // frictionless, authenticated (attempted), issuer
  { ...base, pares_status: "N" }, // frictionless, failed
  { ...base, pares_status: "Y", challenge_required: "Y" }, // challenge succeeded
  { ...base, pares_status: "N", challenge_cancel: "01" }, // challenge abandoned
  { ...base, card_brand: "MASTERCARD", threeds_version: "1.0.2", pares_status: "C" }, // 3DS 1 challenge pending
  { ...base, enrolled: "N" }, // not enrolled
].map((authentication) => authenticationFacts({ created_at: "2026-11-03T00:00:00Z", authentication }));

describe("group rates", () => {
  const counts = records.reduce(addFacts, emptyGroupCounts());

  it("sums the facts", () => {
    expect(counts).toMatchObject({
      authentications: 7,
      issuer: 3,
      merchant: 4,
      frictionless: 2,
      challenged: 3,
      v2Challenged: 2,
      challengeSucceeded: 1,
      abandoned: 1,
      authenticated: 3,
      enrolled: 6,
      v2Enrolled: 5,
    });
    expect(counts.reasons).toEqual({
      AUTHENTICATED: 2,
      ATTEMPTED: 1,
      AUTHENTICATION_FAILED: 2,
      CHALLENGE_PENDING: 1,
      NOT_ENROLLED: 1,
    });
  });

  it("computes every rate of §5 from its own numerator and denominator", () => {
    expect(groupRates(counts)).toEqual({
      issuerShare: 3 / 7,
      frictionlessRate: 2 / 5,
      challengeRate: 2 / 5,
      challengeSuccess: 1 / 3,
      abandonment: 1 / 3,
      authenticationSuccess: 3 / 6,
    });
  });

  it("a zero denominator gives null, never 0 or NaN", () => {
    expect(groupRates(emptyGroupCounts())).toEqual({
      issuerShare: null,
      frictionlessRate: null,
      challengeRate: null,
      challengeSuccess: null,
      abandonment: null,
      authenticationSuccess: null,
    });
    const onlyV1 = addFacts(emptyGroupCounts(), records[5] as (typeof records)[number]);
    expect(groupRates(onlyV1)).toMatchObject({ frictionlessRate: null, challengeRate: null, challengeSuccess: 0 });
  });

  it("a Group shows the counts, rates and drill-down but not the internal v2Challenged", () => {
    const group = toGroup("2026-11-03", counts, []);
    expect(group.key).toBe("2026-11-03");
    expect(group).not.toHaveProperty("v2Challenged");
    expect(group.rates.issuerShare).toBe(3 / 7);
    expect(group.drillDown).toEqual([]);
  });
});
