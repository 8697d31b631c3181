import { describe, expect, it } from "vitest";
import { relativeDays, resolvePeriod, toRelative } from "./relativePeriod.ts";

const created = { kind: "filters", field: "created_at" } as const;
const audit = { kind: "instants", from: "from", to: "to" } as const;
const now = new Date("2026-11-20T15:30:00Z");
// A list's created range is whole UTC days, as the date filter sends it.
const start = (day: string) => `${day}T00:00:00.000Z`;
const end = (day: string) => `${day}T23:59:59.999Z`;
const f = (op: string, iso: string) => `f=${encodeURIComponent(`created_at~${op}~${iso}`)}`;

describe("relative periods in saved views", () => {
  it("a range from the start of a UTC day to the end of today (UTC) is the last N days", () => {
    const query = `f=card_brand~eq~VISA&${f("gte", start("2026-11-14"))}&${f("lte", end("2026-11-20"))}&limit=50`;
    expect(relativeDays(query, created, now)).toBe(7);
    expect(toRelative(query, created, now, "Europe/Berlin")).toBe("f=card_brand~eq~VISA&period=last-7-days&limit=50");
  });

  it("a list's days stay UTC days whatever zone the staff member shows times in", () => {
    // Berlin's local days are not what the date filter sends: not a relative range of the list.
    const berlin = `${f("gte", "2026-11-13T23:00:00.000Z")}&${f("lte", "2026-11-20T22:59:59.999Z")}`;
    expect(toRelative(berlin, created, now, "Europe/Berlin")).toBeNull();
    expect(resolvePeriod("period=last-2-days", created, now, "Pacific/Kiritimati")).toBe(
      `${f("gte", start("2026-11-19"))}&${f("lte", end("2026-11-20"))}`,
    );
  });

  it("a range that ends before today stays as it is", () => {
    const query = `${f("gte", start("2026-11-14"))}&${f("lte", end("2026-11-19"))}`;
    expect(toRelative(query, created, now)).toBeNull();
  });

  it("opened another day, the period means that day's last N days", () => {
    const tomorrow = new Date("2026-11-21T09:00:00Z");
    expect(resolvePeriod("f=card_brand~eq~VISA&period=last-7-days&limit=50", created, tomorrow)).toBe(
      `f=card_brand~eq~VISA&${f("gte", start("2026-11-15"))}&${f("lte", end("2026-11-21"))}&limit=50`,
    );
  });

  it("the audit trail's from/to instants are days of the staff member's zone", () => {
    const from = "2026-11-19T23:00:00.000Z"; // 20 Nov 00:00 in Berlin
    const to = "2026-11-20T22:59:59.999Z";
    const query = `outcome=refused&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    expect(toRelative(query, audit, now, "Europe/Berlin")).toBe("outcome=refused&period=last-1-days");
    expect(resolvePeriod("outcome=refused&period=last-1-days", audit, now, "Europe/Berlin")).toBe(query);
    expect(toRelative(query, audit, now, "UTC")).toBeNull();
    // In Kiritimati (+14) it is already 21 Nov at 15:30 UTC.
    expect(resolvePeriod("period=last-1-days", audit, now, "Pacific/Kiritimati")).toBe(
      `from=${encodeURIComponent("2026-11-20T10:00:00.000Z")}&to=${encodeURIComponent("2026-11-21T09:59:59.999Z")}`,
    );
  });

  it("without a period, or for a page without dates, the query is left alone", () => {
    expect(resolvePeriod("limit=50", created, now)).toBe("limit=50");
    expect(resolvePeriod("period=last-7-days", undefined, now)).toBe("period=last-7-days");
  });
});
