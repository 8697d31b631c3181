import { describe, expect, it } from "vitest";
import { changesOf, draftErrors, draftOf } from "./tokenChangesForm.ts";
import type { TokenView } from "./tokenTypes.ts";

const today = new Date("2026-03-15T12:00:00Z");
const token: TokenView = {
  reuse_token: "4bZ9xQ2LmT7kP0vR",
  bin: "411111",
  last_four: "1111",
  expiry_month: 8,
  expiry_year: 2027,
  card_holder_name: "Ada Lovelace",
  brand: "VISA",
  reuse_token_type: "INTERNAL",
  token_status: "ACTIVE",
};

describe("the update form", () => {
  it("starts from the token, with the email empty (Verifone does not return it)", () => {
    expect(draftOf(token)).toEqual({
      expiry_month: "8",
      expiry_year: "2027",
      card_holder_name: "Ada Lovelace",
      card_holder_email: "",
    });
  });

  it("sends only what changed", () => {
    const draft = { ...draftOf(token), expiry_year: "2029", card_holder_name: " Ada King " };
    expect(changesOf(draft, token)).toEqual({ expiry_year: 2029, card_holder_name: "Ada King" });
    expect(changesOf({ ...draftOf(token), card_holder_email: "ada@example.com" }, token)).toEqual({
      card_holder_email: "ada@example.com",
    });
  });

  it("says there is nothing to update when nothing changed", () => {
    expect(draftErrors(draftOf(token), token, today)).toEqual({
      fields: {},
      general: "Nothing to update: change at least one field",
    });
  });

  it("puts each of the API's rules on its field: month 1–12, four-digit year not past, name ≤ 30, email", () => {
    const errors = draftErrors(
      {
        expiry_month: "13",
        expiry_year: "25",
        card_holder_name: "x".repeat(31),
        card_holder_email: "not-an-address",
      },
      token,
      today,
    );
    expect(errors).toEqual({
      general: null,
      fields: {
        expiry_month: "Expiry month must be a whole number from 1 to 12",
        expiry_year: "Expiry year must have four digits, e.g. 2030",
        card_holder_name: "Card holder name must be at most 30 characters",
        card_holder_email: "Card holder email must be an address like name@example.com",
      },
    });
    expect(draftErrors({ ...draftOf(token), expiry_year: "2025" }, token, today).fields).toEqual({
      expiry_year: "Expiry year 2025 is in the past",
    });
    expect(draftErrors({ ...draftOf(token), expiry_month: "x" }, token, today).fields.expiry_month).toBe(
      "Expiry month must be a whole number from 1 to 12",
    );
  });

  it("checks a month change against the current year (a month already past this year is refused)", () => {
    const thisYear = { ...token, expiry_year: 2026 };
    expect(draftErrors({ ...draftOf(thisYear), expiry_month: "2" }, thisYear, today).fields).toEqual({
      expiry_month: "The card would already be expired (02/2026)",
    });
    expect(draftErrors({ ...draftOf(thisYear), expiry_month: "4" }, thisYear, today)).toEqual({
      fields: {},
      general: null,
    });
  });
});
