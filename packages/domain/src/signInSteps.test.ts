import { describe, expect, it } from "vitest";
import { factorRequiredFor, nextSignInStep } from "./signInSteps.ts";

const base = { hasFactor: false, factorPassed: false, mustChangePassword: false, factorRequired: false };

describe("nextSignInStep", () => {
  it("is complete with a password alone when no factor is set up or required", () => {
    expect(nextSignInStep(base)).toBeNull();
  });

  it("asks for the factor first, then a temporary password's change", () => {
    const state = { ...base, hasFactor: true, mustChangePassword: true, factorRequired: true };
    expect(nextSignInStep(state)).toBe("mfa");
    expect(nextSignInStep({ ...state, factorPassed: true })).toBe("change-password");
    expect(nextSignInStep({ ...state, factorPassed: true, mustChangePassword: false })).toBeNull();
  });

  it("makes a role that requires a factor enrol one, after changing a temporary password", () => {
    expect(nextSignInStep({ ...base, factorRequired: true, mustChangePassword: true })).toBe("change-password");
    expect(nextSignInStep({ ...base, factorRequired: true })).toBe("enrol-mfa");
  });
});

describe("factorRequiredFor", () => {
  it("follows the configured roles", () => {
    expect(factorRequiredFor("admin", ["admin", "support"])).toBe(true);
    expect(factorRequiredFor("operations", ["admin", "support"])).toBe(false);
    expect(factorRequiredFor("admin", [])).toBe(false);
  });
});
