import { describe, expect, it } from "vitest";
import { liabilityOf } from "../liability.ts";
import { type AnalyticsAuthenticationInput, authenticationFacts } from "./facts.ts";

const record = (
  authentication: NonNullable<AnalyticsAuthenticationInput["authentication"]>,
  created_at = "2026-11-03T10:00:00.000Z",
): AnalyticsAuthenticationInput => ({ created_at, authentication });

const v2Frictionless = {
  card_brand: "VISA",
  threeds_version: "2.2.0",
  enrolled: "Y",
  signature_verification: "Y",
  pares_status: "Y",
  eci_flag: "05",
};

describe("authenticationFacts", () => {
  it("takes liable, reason and eci from liabilityOf unchanged", () => {
    const samples = [
      record(v2Frictionless),
      record({ ...v2Frictionless, threeds_version: "1.0.2" }, "2022-02-21T00:00:00Z"),
      record({ ...v2Frictionless, enrolled: "N" }),
      record({ ...v2Frictionless, signature_verification: undefined }),
      record({ ...v2Frictionless, pares_status: "C", eci_flag: "07" }),
    ];
    for (const sample of samples) {
      const { liable, reason, eci } = authenticationFacts(sample);
      expect({ liable, reason, eci }).toEqual(liabilityOf(sample));
    }
  });

  it("v2 is a threeds_version starting with 2.", () => {
    expect(authenticationFacts(record({ threeds_version: "2.1.0" })).v2).toBe(true);
    expect(authenticationFacts(record({ threeds_version: " 2.2.0 " })).v2).toBe(true);
    expect(authenticationFacts(record({ threeds_version: "1.0.2" })).v2).toBe(false);
    expect(authenticationFacts(record({ threeds_version: "20" })).v2).toBe(false);
    expect(authenticationFacts(record({})).v2).toBe(false);
  });

  it("challenged by pares_status C, challenge_required Y or a challenge_cancel", () => {
    expect(authenticationFacts(record({ pares_status: "c" })).challenged).toBe(true);
    expect(authenticationFacts(record({ challenge_required: "y", pares_status: "Y" })).challenged).toBe(true);
    expect(authenticationFacts(record({ challenge_cancel: "01", pares_status: "N" })).challenged).toBe(true);
    expect(authenticationFacts(record({ challenge_required: "N", challenge_cancel: " " })).challenged).toBe(false);
    expect(authenticationFacts(record(v2Frictionless)).challenged).toBe(false);
  });

  it("flow: CHALLENGE when challenged, FRICTIONLESS for v2 enrolled with a final status, else NONE", () => {
    expect(authenticationFacts(record({ ...v2Frictionless, challenge_required: "Y" })).flow).toBe("CHALLENGE");
    // challenged wins even on 3DS 1
    expect(authenticationFacts(record({ threeds_version: "1.0.2", pares_status: "C" })).flow).toBe("CHALLENGE");
    for (const pares of ["Y", "A", "N", "R", "U", "y"]) {
      expect(authenticationFacts(record({ ...v2Frictionless, pares_status: pares })).flow).toBe("FRICTIONLESS");
    }
    expect(authenticationFacts(record({ ...v2Frictionless, pares_status: undefined })).flow).toBe("NONE");
    expect(authenticationFacts(record({ ...v2Frictionless, pares_status: "X" })).flow).toBe("NONE");
    expect(authenticationFacts(record({ ...v2Frictionless, enrolled: "N" })).flow).toBe("NONE");
    expect(authenticationFacts(record({ ...v2Frictionless, threeds_version: "1.0.2" })).flow).toBe("NONE");
  });

  it("authenticated is pares_status Y or A; abandoned is a challenge_cancel", () => {
    expect(authenticationFacts(record({ pares_status: "a" })).authenticated).toBe(true);
    expect(authenticationFacts(record({ pares_status: "Y" })).authenticated).toBe(true);
    expect(authenticationFacts(record({ pares_status: "N" })).authenticated).toBe(false);
    expect(authenticationFacts(record({ challenge_cancel: "04" })).abandoned).toBe(true);
    expect(authenticationFacts(record({ challenge_cancel: "" })).abandoned).toBe(false);
  });

  it("enrolled, v2Enrolled, frictionlessAuthenticated, v2Challenged and challengeSucceeded", () => {
    const frictionless = authenticationFacts(record(v2Frictionless));
    expect(frictionless).toMatchObject({
      enrolled: true,
      v2Enrolled: true,
      frictionlessAuthenticated: true,
      v2Challenged: false,
      challengeSucceeded: false,
    });
    const failedFrictionless = authenticationFacts(record({ ...v2Frictionless, pares_status: "N" }));
    expect(failedFrictionless.frictionlessAuthenticated).toBe(false);
    const challengeOk = authenticationFacts(record({ ...v2Frictionless, challenge_required: "Y" }));
    expect(challengeOk).toMatchObject({
      v2Challenged: true,
      challengeSucceeded: true,
      frictionlessAuthenticated: false,
    });
    const challengeAttempted = authenticationFacts(
      record({ ...v2Frictionless, challenge_required: "Y", pares_status: "A" }),
    );
    expect(challengeAttempted.challengeSucceeded).toBe(false);
    const v1Challenge = authenticationFacts(record({ threeds_version: "1.0.2", enrolled: "Y", pares_status: "C" }));
    expect(v1Challenge).toMatchObject({ enrolled: true, v2Enrolled: false, v2Challenged: false });
    expect(authenticationFacts(record({ ...v2Frictionless, enrolled: "n" }))).toMatchObject({
      enrolled: false,
      v2Enrolled: false,
    });
  });
});
