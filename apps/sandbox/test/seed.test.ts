import { describe, expect, it } from "vitest";
import { isLuhnValid } from "../src/luhn.ts";
import { seedAuthentications } from "../src/threeds/seed.ts";
import { testNow } from "./harness.ts";

const records = seedAuthentications(1, 5000, testNow);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const exponents: Record<string, number> = { JPY: 0, ISK: 0, KRW: 0, BHD: 3, KWD: 3, JOD: 3 };
const cutoff = Date.parse("2021-10-16T00:00:00Z");
const decodeJson = (b64: string) => {
  try {
    return JSON.parse(Buffer.from(b64, "base64").toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
};

describe("seedAuthentications", () => {
  it("is deterministic and prefix-stable: the same seed gives the same records, ids included", () => {
    expect(seedAuthentications(1, 200, testNow)).toEqual(records.slice(0, 200));
    expect(seedAuthentications(2, 200, testNow).map((r) => r._id)).not.toEqual(records.slice(0, 200).map((r) => r._id));
  });

  it("gives every record a unique UUID id and realistic identifiers", () => {
    expect(new Set(records.map((r) => r._id)).size).toBe(records.length);
    for (const r of records) {
      expect(r._id).toMatch(uuid);
      expect(r.transaction_id).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(r.card?.length).toBeGreaterThanOrEqual(14);
      expect(r.entity_id).toMatch(uuid);
      expect(isLuhnValid(r.authentication.order_id ?? "")).toBe(true);
      if (r.authentication.threeds_version?.startsWith("2.")) expect(r.authentication.ds_transaction_id).toMatch(uuid);
    }
    const cards = records.map((r) => r.card);
    expect(new Set(cards).size).toBeLessThan(cards.length); // returning customers reuse a card
  });

  it("spreads created_at over 2020-06 .. 2026-11 as UTC date-times", () => {
    const times = records.map((r) => Date.parse(r.created_at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse("2020-06-01T00:00:00Z"));
    expect(Math.max(...times)).toBeLessThan(Date.parse("2026-12-01T00:00:00Z"));
    for (const r of records) expect(r.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("mixes brands, versions, enrolment, signature and PARes statuses, some missing", () => {
    const set = (f: (r: (typeof records)[number]) => string | undefined) => new Set(records.map(f));
    expect(set((r) => r.authentication.card_brand)).toEqual(
      new Set(["VISA", "MASTERCARD", "AMEX", "CB", "DISCOVER", "JCB", "MAESTRO", "DINERS", "UPI"]),
    );
    expect(set((r) => r.authentication.threeds_version)).toEqual(new Set(["1.0.2", "2.1.0", "2.2.0"]));
    expect(set((r) => r.authentication.enrolled)).toEqual(new Set(["Y", "N", "U", "B"]));
    expect(set((r) => r.authentication.signature_verification)).toEqual(new Set(["Y", "N", undefined]));
    expect(set((r) => r.authentication.pares_status)).toEqual(new Set(["Y", "A", "N", "U", "R", "C", undefined]));
  });

  it("has Visa 3DS 1.0.2 authentications on both sides of 2021-10-16", () => {
    const visaV1 = records.filter(
      (r) => r.authentication.card_brand === "VISA" && r.authentication.threeds_version === "1.0.2",
    );
    expect(visaV1.some((r) => Date.parse(r.created_at) < cutoff)).toBe(true);
    expect(visaV1.some((r) => Date.parse(r.created_at) >= cutoff)).toBe(true);
  });

  it("keeps ECI consistent with brand and status", () => {
    for (const { authentication: a } of records) {
      if (!a.eci_flag) continue;
      const mastercard = a.card_brand === "MASTERCARD" || a.card_brand === "MAESTRO";
      const [full, attempted, none] = mastercard ? ["02", "01", "00"] : ["05", "06", "07"];
      const expected = a.pares_status === "Y" ? full : a.pares_status === "A" ? attempted : none;
      expect(`${a.card_brand}/${a.pares_status}: ${a.eci_flag}`).toBe(`${a.card_brand}/${a.pares_status}: ${expected}`);
    }
  });

  it("stores integer minor-unit amounts in currencies with 0, 2 and 3 decimals", () => {
    const codes = new Set(records.map((r) => r.currency_code));
    for (const code of ["EUR", "USD", "GBP", "SEK", "NOK", "DKK", "JPY", "BHD", "KWD"]) expect(codes).toContain(code);
    for (const r of records) {
      expect(Number.isInteger(r.amount) && r.amount > 0).toBe(true);
      if (exponents[r.currency_code] === 0) expect(r.amount % 10).toBe(0); // yen prices, not 12.34 yen
    }
  });

  it("encodes authorization_payload as base64 JSON and payload as base64, sometimes not JSON", () => {
    const withAuthPayload = records.filter((r) => r.authentication.authorization_payload);
    expect(withAuthPayload.length).toBeGreaterThan(50);
    for (const r of withAuthPayload)
      expect(decodeJson(r.authentication.authorization_payload ?? "")).toBeTypeOf("object");
    const payloads = records.map((r) => r.authentication.payload).filter((p): p is string => p !== undefined);
    expect(payloads.some((p) => decodeJson(p) !== undefined)).toBe(true);
    expect(payloads.some((p) => decodeJson(p) === undefined)).toBe(true);
  });

  it("gives failures a reason, and successes a CAVV", () => {
    for (const { authentication: a } of records) {
      if (a.pares_status === "Y" || a.pares_status === "A") expect(a.cavv).toBeTruthy();
      if (a.pares_status === "N" || a.pares_status === "R" || a.pares_status === "U")
        expect(a.reason_code).toBeTruthy();
    }
  });
});
