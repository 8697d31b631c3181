import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expiryState, type TokenAction, tokenActionAllowed, tokenChangeProblems, tokenExpired } from "./tokenRules.ts";

describe("tokenActionAllowed", () => {
  it("an active token can be suspended, updated and deleted, not activated", () => {
    expect(tokenActionAllowed("ACTIVE", "suspend")).toEqual({ ok: true });
    expect(tokenActionAllowed("ACTIVE", "update")).toEqual({ ok: true });
    expect(tokenActionAllowed("ACTIVE", "delete")).toEqual({ ok: true });
    expect(tokenActionAllowed("ACTIVE", "activate")).toEqual({ ok: false, message: "This token is already active" });
  });

  it("a suspended token can be activated, updated and deleted, not suspended again", () => {
    expect(tokenActionAllowed("SUSPENDED", "activate")).toEqual({ ok: true });
    expect(tokenActionAllowed("suspended", "update")).toEqual({ ok: true });
    expect(tokenActionAllowed("SUSPENDED", "delete")).toEqual({ ok: true });
    expect(tokenActionAllowed("SUSPENDED", "suspend")).toEqual({
      ok: false,
      message: "This token is already suspended",
    });
  });

  it.each(["suspend", "activate", "update", "delete"] as TokenAction[])("a deleted token is final: no %s", (action) => {
    expect(tokenActionAllowed("DELETED", action)).toEqual({
      ok: false,
      message: "This token is deleted: a deleted token cannot be changed or restored",
    });
  });

  it("an unknown state allows nothing and says so", () => {
    expect(tokenActionAllowed(undefined, "delete")).toEqual({
      ok: false,
      message: "This token's state is unknown (none): read it again before changing it",
    });
    expect(tokenActionAllowed("LOCKED", "suspend")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/LOCKED/),
    });
  });
});

describe("expiryState", () => {
  const today = new Date("2025-03-15T12:00:00Z");

  it.each([
    [2, 2025, "expired"],
    [12, 2024, "expired"],
    [3, 2025, "expiring"], // valid through 31 March
    [4, 2025, "expiring"], // 30 April is 46 days away
    [5, 2025, "ok"], // 31 May is 77 days away
    [6, 2025, "ok"],
    [1, 2030, "ok"],
  ])("%i/%i on 2025-03-15 is %s", (month, year, state) => {
    expect(expiryState(month, year, today)).toBe(state);
  });

  it("is valid through the last day of the month, and expiring exactly 60 days before it", () => {
    expect(expiryState(2, 2024, new Date("2024-02-29T23:59:59Z"))).toBe("expiring");
    expect(expiryState(2, 2024, new Date("2024-03-01T00:00:00Z"))).toBe("expired");
    // 31 May 2025 − 60 days = 1 April 2025.
    expect(expiryState(5, 2025, new Date("2025-04-01T00:00:00Z"))).toBe("expiring");
    expect(expiryState(5, 2025, new Date("2025-03-31T23:00:00Z"))).toBe("ok");
  });

  it("reads month and year sent as text, and is unknown for anything else", () => {
    expect(expiryState("12", "2030", today)).toBe("ok");
    for (const [m, y] of [
      [0, 2030],
      [13, 2030],
      [1.5, 2030],
      [12, 30],
      [null, 2030],
      [12, undefined],
      ["x", "2030"],
    ]) {
      expect(expiryState(m, y, today)).toBe("unknown");
    }
    expect(expiryState(12, 2030, new Date(Number.NaN))).toBe("unknown");
  });

  it("never says ok for a card that expires before today, nor expired for one after", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2000, max: 2100 }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (month, year, day) => {
          const state = expiryState(month, year, day);
          const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
          const todayText = day.toISOString().slice(0, 10);
          expect(state === "expired").toBe(todayText > lastDay);
        },
      ),
    );
  });
});

describe("tokenChangeProblems", () => {
  const today = new Date("2025-03-15T12:00:00Z");

  it("accepts a good update", () => {
    expect(
      tokenChangeProblems(
        {
          expiry_month: 4,
          expiry_year: 2025,
          card_holder_name: "MR J HOLDER",
          card_holder_email: "j.holder@example.com",
          token_expiry_date: "2025-03-15",
        },
        today,
      ),
    ).toEqual([]);
  });

  it("refuses an empty update", () => {
    expect(tokenChangeProblems({}, today)).toEqual([
      { field: "changes", message: "Nothing to update: change at least one field" },
    ]);
    expect(tokenChangeProblems({ card_holder_name: undefined }, today)).toHaveLength(1);
  });

  it("names each bad field", () => {
    expect(
      tokenChangeProblems(
        {
          expiry_month: 13,
          expiry_year: 25,
          card_holder_name: "A".repeat(31),
          card_holder_email: "not-an-email",
          token_expiry_date: "2025-02-30",
        },
        today,
      ),
    ).toEqual([
      { field: "expiry_month", message: "Expiry month must be a whole number from 1 to 12" },
      { field: "expiry_year", message: "Expiry year must have four digits, e.g. 2030" },
      { field: "card_holder_name", message: "Card holder name must be at most 30 characters" },
      { field: "card_holder_email", message: "Card holder email must be an address like name@example.com" },
      { field: "token_expiry_date", message: "Token expiry date must be a date written YYYY-MM-DD" },
    ]);
  });

  it("refuses a year, an expiry or a token expiry date in the past", () => {
    expect(tokenChangeProblems({ expiry_year: 2024 }, today)).toEqual([
      { field: "expiry_year", message: "Expiry year 2024 is in the past" },
    ]);
    expect(tokenChangeProblems({ expiry_month: 2, expiry_year: 2025 }, today)).toEqual([
      { field: "expiry_month", message: "The card would already be expired (02/2025)" },
    ]);
    // Only the month changes: checked against the token's present year.
    expect(tokenChangeProblems({ expiry_month: 1 }, today, { expiry_month: 6, expiry_year: 2025 })).toEqual([
      { field: "expiry_month", message: "The card would already be expired (01/2025)" },
    ]);
    expect(tokenChangeProblems({ expiry_month: 1 }, today, { expiry_month: 6, expiry_year: 2026 })).toEqual([]);
    expect(tokenChangeProblems({ token_expiry_date: "2025-03-14" }, today)).toEqual([
      { field: "token_expiry_date", message: "Token expiry date 2025-03-14 is in the past" },
    ]);
  });

  it("checks the name and email more closely", () => {
    const problem = (changes: Parameters<typeof tokenChangeProblems>[0]) =>
      tokenChangeProblems(changes, today)[0]?.message;
    expect(problem({ card_holder_name: "   " })).toBe("Card holder name must not be empty");
    expect(problem({ card_holder_name: "A\nB" })).toBe("Card holder name must not contain control characters");
    expect(problem({ card_holder_name: "A".repeat(30) })).toBeUndefined();
    expect(problem({ card_holder_email: "a@b" })).toMatch(/email/);
    expect(problem({ card_holder_email: "a b@example.com" })).toMatch(/email/);
    expect(problem({ card_holder_email: `${"a".repeat(250)}@example.com` })).toMatch(/email/);
    expect(problem({ card_holder_email: "jürgen@exämple.de" })).toBeUndefined();
  });
});

describe("tokenExpired (the token's own expiry date, not the card's)", () => {
  const today = new Date("2026-12-01T15:00:00Z");
  it("is expired the day after its expiry date, not on it", () => {
    expect(tokenExpired("2026-11-30", today)).toBe(true);
    expect(tokenExpired("2026-11-30T23:59:59Z", today)).toBe(true);
    expect(tokenExpired("2026-12-01", today)).toBe(false);
    expect(tokenExpired("2027-01-01", today)).toBe(false);
  });
  it("is not flagged without a readable date", () => {
    expect(tokenExpired(undefined, today)).toBe(false);
    expect(tokenExpired("soon", today)).toBe(false);
  });
});
