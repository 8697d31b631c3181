import { describe, expect, it } from "vitest";
import { readSandboxEnv } from "../src/env.ts";
import { seedAuthentications } from "../src/index.ts";
import type { ThreeDSAuthentication } from "../src/threeds/types.ts";
import { testNow } from "./harness.ts";

// The default sandbox's history (seed and size as a sandbox started without settings has them), measured with
// CONTRACT.md §5's definitions, written out here independently of packages/domain.
const defaults = readSandboxEnv({});
const records = seedAuthentications(defaults.seed, defaults.authentications, testNow);

const value = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim().toUpperCase());
const is = (v: string | undefined, ...wanted: string[]) => wanted.includes(value(v) ?? "\u0000");

function flags(r: ThreeDSAuthentication) {
  const a = r.authentication;
  const v2 = (value(a.threeds_version) ?? "").startsWith("2.");
  const enrolled = is(a.enrolled, "Y");
  const challenged =
    is(a.pares_status, "C") || is(a.challenge_required, "Y") || value(a.challenge_cancel) !== undefined;
  const flow = challenged
    ? "CHALLENGE"
    : v2 && enrolled && is(a.pares_status, "Y", "A", "N", "R", "U")
      ? "FRICTIONLESS"
      : "NONE";
  return {
    v2,
    enrolled,
    flow,
    authenticated: is(a.pares_status, "Y", "A"),
    abandoned: value(a.challenge_cancel) !== undefined,
    paresY: is(a.pares_status, "Y"),
  };
}

type Flags = ReturnType<typeof flags>;
const count = (rows: readonly Flags[], test: (f: Flags) => boolean) => rows.filter(test).length;

function rates(rows: readonly Flags[]) {
  const v2Enrolled = count(rows, (f) => f.v2 && f.enrolled);
  const challenges = count(rows, (f) => f.flow === "CHALLENGE");
  return {
    frictionlessRate: count(rows, (f) => f.flow === "FRICTIONLESS" && f.authenticated) / v2Enrolled,
    challengeRate: count(rows, (f) => f.flow === "CHALLENGE" && f.v2) / v2Enrolled,
    challengeSuccess: count(rows, (f) => f.flow === "CHALLENGE" && f.paresY) / challenges,
    abandonment: count(rows, (f) => f.abandoned) / challenges,
    authenticationSuccess: count(rows, (f) => f.authenticated) / count(rows, (f) => f.enrolled),
  };
}

const all = records.map(flags);
const recentFrom = Date.parse(testNow) - 396 * 86_400_000;

describe("the default seed's history looks like a European merchant's (CONTRACT.md §5 rates)", () => {
  it("is the default size: 20,000 authentications", () => {
    expect(records).toHaveLength(20_000);
  });

  it("has industry-like rates overall: frictionless 58–62 %, authentication success 85–89 %, abandonment 8–15 %", () => {
    const r = rates(all);
    expect(r.frictionlessRate).toBeGreaterThanOrEqual(0.58);
    expect(r.frictionlessRate).toBeLessThanOrEqual(0.62);
    expect(r.authenticationSuccess).toBeGreaterThanOrEqual(0.85);
    expect(r.authenticationSuccess).toBeLessThanOrEqual(0.89);
    expect(r.abandonment).toBeGreaterThanOrEqual(0.08);
    expect(r.abandonment).toBeLessThanOrEqual(0.15);
    // What the three leave over: about a third of enrolled EMV 3DS challenged, most of the challenges passed.
    expect(r.challengeRate).toBeGreaterThan(0.3);
    expect(r.challengeRate).toBeLessThan(0.42);
    expect(r.challengeSuccess).toBeGreaterThan(0.7);
    expect(r.challengeSuccess).toBeLessThan(0.85);
  });

  it("keeps those rates in the last 30 days too (what the analytics page opens on)", () => {
    const from = Date.parse(testNow) - 30 * 86_400_000;
    const recent = records.filter((r) => Date.parse(r.created_at) >= from).map(flags);
    expect(recent.length).toBeGreaterThan(1000);
    const r = rates(recent);
    expect(r.frictionlessRate).toBeGreaterThanOrEqual(0.56);
    expect(r.frictionlessRate).toBeLessThanOrEqual(0.66);
    expect(r.authenticationSuccess).toBeGreaterThanOrEqual(0.84);
    expect(r.authenticationSuccess).toBeLessThanOrEqual(0.9);
    expect(r.abandonment).toBeGreaterThanOrEqual(0.06);
    expect(r.abandonment).toBeLessThanOrEqual(0.17);
  });

  it("abandons challenges with the spec's cancel codes (cardholder, time-outs, errors), and explains failures with a status_reason", () => {
    const codes = new Set(records.map((r) => r.authentication.challenge_cancel).filter(Boolean));
    expect([...codes].sort()).toEqual(["01", "03", "04", "05", "06", "07"]);
    const failedV2 = records.filter(
      (r) => r.authentication.threeds_version?.startsWith("2.") && is(r.authentication.pares_status, "N", "R", "U"),
    );
    expect(failedV2.length).toBeGreaterThan(300);
    for (const r of failedV2) expect(r.authentication.status_reason).toMatch(/^\d{2}$/);
  });

  it("mostly lies in the last 13 months, denser recently, with a weekday rhythm", () => {
    const times = records.map((r) => Date.parse(r.created_at));
    for (const t of times) expect(t).toBeLessThan(Date.parse(testNow));
    const recent = times.filter((t) => t >= recentFrom);
    expect(recent.length / times.length).toBeGreaterThan(0.9);
    const firstQuarter = recent.filter((t) => t < recentFrom + 99 * 86_400_000).length;
    const lastQuarter = recent.filter((t) => t >= Date.parse(testNow) - 99 * 86_400_000).length;
    expect(lastQuarter / firstQuarter).toBeGreaterThan(1.25);
    const perWeekday = Array.from({ length: 7 }, (_, d) => recent.filter((t) => new Date(t).getUTCDay() === d).length);
    const [sunday = 0, monday = 0, , , , , saturday = 0] = perWeekday;
    expect(saturday).toBeLessThan(monday * 0.85);
    expect(sunday).toBeLessThan(monday);
  });

  it("migrates 3-D Secure versions: 1.0.2 fades out in 2022 (some Visa 1.0.2 after 2021-10-16), 2.2.0 replaces 2.1.0", () => {
    const share = (from: string, to: string, version: string) => {
      const inRange = records.filter((r) => r.created_at >= from && r.created_at < to);
      return inRange.filter((r) => r.authentication.threeds_version === version).length / inRange.length;
    };
    expect(share("2020-06-01", "2021-10-16", "1.0.2")).toBeGreaterThan(0.12);
    expect(share("2023-01-01", "2027-01-01", "1.0.2")).toBeLessThan(0.01);
    const lateVisa1 = records.filter(
      (r) =>
        r.authentication.card_brand === "VISA" &&
        r.authentication.threeds_version === "1.0.2" &&
        r.created_at >= "2021-10-16",
    );
    expect(lateVisa1.length).toBeGreaterThanOrEqual(3);
    const v2Share210 = (from: string, to: string) =>
      share(from, to, "2.1.0") / (share(from, to, "2.1.0") + share(from, to, "2.2.0"));
    expect(v2Share210("2020-06-01", "2022-01-01")).toBeGreaterThan(0.5);
    expect(v2Share210(new Date(recentFrom).toISOString(), testNow)).toBeLessThan(0.05);
    expect(share(new Date(recentFrom).toISOString(), testNow, "2.1.0")).toBeGreaterThan(0);
  });

  it("mixes brands like a European merchant: Visa and Mastercard about four in five, every brand present", () => {
    const brands = new Map<string, number>();
    for (const r of records)
      brands.set(r.authentication.card_brand ?? "", (brands.get(r.authentication.card_brand ?? "") ?? 0) + 1);
    const visaMc = ((brands.get("VISA") ?? 0) + (brands.get("MASTERCARD") ?? 0)) / records.length;
    expect(visaMc).toBeGreaterThan(0.75);
    expect(visaMc).toBeLessThan(0.88);
    expect([...brands.keys()].sort()).toEqual([
      "AMEX",
      "CB",
      "DINERS",
      "DISCOVER",
      "JCB",
      "MAESTRO",
      "MASTERCARD",
      "UPI",
      "VISA",
    ]);
  });

  it("gives ECIs that match the outcome and the brand", () => {
    for (const r of records) {
      const a = r.authentication;
      if (!a.eci_flag) continue;
      const mastercard = a.card_brand === "MASTERCARD" || a.card_brand === "MAESTRO";
      const expected = a.pares_status === "Y" ? ["02", "05"] : a.pares_status === "A" ? ["01", "06"] : ["00", "07"];
      expect(a.eci_flag).toBe(expected[mastercard ? 0 : 1]);
    }
  });
});
