import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { relativeDays, resolvePeriod, toRelative } from "./relativePeriod.ts";

const created = { kind: "filters", field: "created_at" } as const;
const audit = { kind: "instants", from: "from", to: "to" } as const;
const now = new Date(2026, 10, 20, 15, 30); // 20 Nov 2026, local time
const start = (y: number, m: number, d: number) =>
  dayjs(new Date(y, m, d))
    .startOf("day")
    .toISOString();
const end = (y: number, m: number, d: number) =>
  dayjs(new Date(y, m, d))
    .endOf("day")
    .toISOString();
const f = (op: string, iso: string) => `f=${encodeURIComponent(`created_at~${op}~${iso}`)}`;

describe("relative periods in saved views", () => {
  it("a range from the start of a day to the end of today is the last N days", () => {
    const query = `f=card_brand~eq~VISA&${f("gte", start(2026, 10, 14))}&${f("lte", end(2026, 10, 20))}&limit=50`;
    expect(relativeDays(query, created, now)).toBe(7);
    expect(toRelative(query, created, now)).toBe("f=card_brand~eq~VISA&period=last-7-days&limit=50");
  });

  it("a range that ends before today stays as it is", () => {
    const query = `${f("gte", start(2026, 10, 14))}&${f("lte", end(2026, 10, 19))}`;
    expect(toRelative(query, created, now)).toBeNull();
  });

  it("opened another day, the period means that day's last N days", () => {
    const tomorrow = new Date(2026, 10, 21, 9, 0);
    expect(resolvePeriod("f=card_brand~eq~VISA&period=last-7-days&limit=50", created, tomorrow)).toBe(
      `f=card_brand~eq~VISA&${f("gte", start(2026, 10, 15))}&${f("lte", end(2026, 10, 21))}&limit=50`,
    );
  });

  it("the audit trail's from/to instants work the same way", () => {
    const query = `outcome=refused&from=${encodeURIComponent(start(2026, 10, 20))}&to=${encodeURIComponent(end(2026, 10, 20))}`;
    expect(toRelative(query, audit, now)).toBe("outcome=refused&period=last-1-days");
    expect(resolvePeriod("outcome=refused&period=last-1-days", audit, now)).toBe(query);
  });

  it("without a period, or for a page without dates, the query is left alone", () => {
    expect(resolvePeriod("limit=50", created, now)).toBe("limit=50");
    expect(resolvePeriod("period=last-7-days", undefined, now)).toBe("period=last-7-days");
  });
});
