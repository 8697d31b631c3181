import { describe, expect, it } from "vitest";
import { groupsCsv, moneyCsv } from "./breakdownCsv.ts";
import type { Group } from "./types.ts";

const group = (key: string, rates: Partial<Group["rates"]> = {}): Group => ({
  key,
  authentications: 10,
  issuer: 7,
  merchant: 3,
  frictionless: 5,
  challenged: 3,
  challengeSucceeded: 2,
  abandoned: 1,
  authenticated: 8,
  enrolled: 9,
  v2Enrolled: 8,
  reasons: {},
  rates: {
    issuerShare: 0.7,
    frictionlessRate: null,
    challengeRate: 0.375,
    challengeSuccess: 0.6667,
    abandonment: 0.3333,
    authenticationSuccess: 0.8889,
    ...rates,
  },
  drillDown: null,
});

describe("breakdown CSV", () => {
  it("writes counts and rates, a null rate as an empty cell", () => {
    const lines = groupsCsv([group("VISA")], (k) => k.toLowerCase())
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "key,label,authentications,issuer,merchant,issuer_share,frictionless_rate,challenge_rate,challenge_success,abandonment,authentication_success",
    );
    expect(lines[1]).toBe("VISA,visa,10,7,3,0.7,,0.375,0.6667,0.3333,0.8889");
  });

  it("neutralises what a spreadsheet would run as a formula", () => {
    const csv = groupsCsv([group("=HYPERLINK(1)")], (k) => k);
    expect(csv.split("\n")[1]).toMatch(/^'=HYPERLINK\(1\),'=HYPERLINK\(1\),/);
  });

  it("keeps money per currency in its own minor unit", () => {
    const csv = moneyCsv([
      { key: "total", currency_code: "EUR", payments: 3, amount: 12345, issuerAmount: 10000, merchantAmount: 2345 },
      { key: "total", currency_code: "JPY", payments: 1, amount: 500, issuerAmount: 0, merchantAmount: 500 },
    ]);
    expect(csv.trim().split("\n")).toEqual([
      "key,currency_code,payments,amount,issuer_amount,merchant_amount",
      "total,EUR,3,123.45,100.00,23.45",
      "total,JPY,1,500,0,500",
    ]);
  });
});
