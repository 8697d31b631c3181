import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDay,
  fromWallTime,
  minuteBoundIso,
  offsetLabel,
  toWallTime,
  utcDayEndIso,
  utcDayOf,
  utcDayStartIso,
  zoneName,
} from "./formatTime.ts";

describe("formatDateTime", () => {
  it("in UTC reads as the instant, labelled UTC", () => {
    expect(formatDateTime("2026-11-14T23:59:05.120Z", "UTC")).toBe("14 Nov 2026, 23:59 UTC");
    expect(formatDateTime("2026-11-14T23:59:05.120Z", "UTC", { seconds: true })).toBe("14 Nov 2026, 23:59:05 UTC");
    expect(formatDateTime("2026-01-02T03:04:05Z", "UTC", { label: false })).toBe("2 Jan 2026, 03:04");
  });

  it("in Berlin: one hour ahead in winter, two in summer, the label says which", () => {
    expect(formatDateTime("2026-11-14T22:59:00Z", "Europe/Berlin")).toBe("14 Nov 2026, 23:59 UTC+01:00");
    expect(formatDateTime("2026-07-01T12:00:00Z", "Europe/Berlin")).toBe("1 Jul 2026, 14:00 UTC+02:00");
  });

  it("across the spring change (29 Mar 2026, 01:00 UTC) the clock jumps from 01:59:59 to 03:00", () => {
    expect(formatDateTime("2026-03-29T00:59:59Z", "Europe/Berlin", { seconds: true })).toBe(
      "29 Mar 2026, 01:59:59 UTC+01:00",
    );
    expect(formatDateTime("2026-03-29T01:00:00Z", "Europe/Berlin", { seconds: true })).toBe(
      "29 Mar 2026, 03:00:00 UTC+02:00",
    );
  });

  it("across the autumn change (25 Oct 2026) 02:30 happens twice, told apart by the label", () => {
    expect(formatDateTime("2026-10-25T00:30:00Z", "Europe/Berlin")).toBe("25 Oct 2026, 02:30 UTC+02:00");
    expect(formatDateTime("2026-10-25T01:30:00Z", "Europe/Berlin")).toBe("25 Oct 2026, 02:30 UTC+01:00");
  });

  it("far from UTC the day changes: Kiritimati (+14), Pago Pago (-11), half hours in St John's and Kolkata", () => {
    expect(formatDateTime("2026-11-14T10:00:00Z", "Pacific/Kiritimati")).toBe("15 Nov 2026, 00:00 UTC+14:00");
    expect(formatDateTime("2026-11-14T10:00:00Z", "Pacific/Pago_Pago")).toBe("13 Nov 2026, 23:00 UTC-11:00");
    expect(formatDateTime("2026-12-01T12:00:00Z", "America/St_Johns")).toBe("1 Dec 2026, 08:30 UTC-03:30");
    expect(formatDateTime("2026-12-01T12:00:00Z", "Asia/Kolkata")).toBe("1 Dec 2026, 17:30 UTC+05:30");
  });

  it("text that is not an instant comes back as it is", () => {
    expect(formatDateTime("soon", "UTC")).toBe("soon");
    expect(formatDateTime("", "Europe/Berlin")).toBe("");
  });

  it("reads the same whatever zone the machine runs in (only the zone given counts)", () => {
    const iso = "2026-06-30T23:30:00Z";
    expect(formatDateTime(iso, "America/New_York")).toBe("30 Jun 2026, 19:30 UTC-04:00");
    expect(formatDateTime(iso, "Asia/Tokyo")).toBe("1 Jul 2026, 08:30 UTC+09:00");
  });
});

describe("dates and labels", () => {
  it("formatDate is the day in the zone; a plain date is that day", () => {
    expect(formatDate("2026-11-14T23:30:00Z", "UTC")).toBe("14 Nov 2026");
    expect(formatDate("2026-11-14T23:30:00Z", "Europe/Berlin")).toBe("15 Nov 2026");
    expect(formatDate("2026-11-30", "Pacific/Pago_Pago")).toBe("30 Nov 2026");
    expect(formatDay("2026-09-03")).toBe("3 Sep 2026");
  });

  it("offsetLabel and zoneName", () => {
    expect(offsetLabel("2026-01-15T00:00:00Z", "Europe/London")).toBe("UTC");
    expect(offsetLabel("2026-07-15T00:00:00Z", "Europe/London")).toBe("UTC+01:00");
    expect(zoneName("Etc/UTC")).toBe("UTC");
    expect(zoneName("Europe/Berlin")).toBe("Europe/Berlin");
  });
});

describe("wall times (what the date pickers show and take)", () => {
  it("round-trips an instant through its wall time in the zone", () => {
    expect(toWallTime("2026-11-14T22:59:30Z", "Europe/Berlin")).toBe("2026-11-14 23:59:30");
    expect(fromWallTime("2026-11-14 23:59:30", "Europe/Berlin")).toBe("2026-11-14T22:59:30.000Z");
    expect(fromWallTime("2026-11-15 00:00", "Pacific/Kiritimati")).toBe("2026-11-14T10:00:00.000Z");
    expect(fromWallTime("2026-11-14 10:00:00", "UTC")).toBe("2026-11-14T10:00:00.000Z");
    expect(toWallTime(null, "UTC")).toBeNull();
    expect(fromWallTime("yesterday", "UTC")).toBeNull();
  });

  it("a picked minute bounds the audit trail from its first to its last instant, in the chosen zone", () => {
    expect(minuteBoundIso("2026-11-14 23:59:41", "Europe/Berlin", "start")).toBe("2026-11-14T22:59:00.000Z");
    expect(minuteBoundIso("2026-11-14 23:59:41", "Europe/Berlin", "end")).toBe("2026-11-14T22:59:59.999Z");
    expect(minuteBoundIso("2026-11-15 00:00:00", "Pacific/Kiritimati", "start")).toBe("2026-11-14T10:00:00.000Z");
    expect(minuteBoundIso("not a time", "UTC", "end")).toBeNull();
  });

  it("a time skipped in spring reads with the winter offset; a doubled one in autumn as the first", () => {
    expect(fromWallTime("2026-03-29 02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(fromWallTime("2026-10-25 02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(fromWallTime("2026-10-25 03:30", "Europe/Berlin")).toBe("2026-10-25T02:30:00.000Z");
  });

  it("for any instant and zone, the wall time read back is the same wall time", () => {
    const zones = [
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Pacific/Kiritimati",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const wall = toWallTime(new Date(ms).toISOString(), zone) ?? "";
          const back = fromWallTime(wall, zone) ?? "";
          expect(toWallTime(back, zone)).toBe(wall);
          // Off by at most the one hour an autumn change repeats (Lord Howe: half an hour).
          expect(Math.abs(Date.parse(back) - Math.floor(ms / 1000) * 1000)).toBeLessThanOrEqual(3_600_000);
        },
      ),
    );
  });
});

describe("UTC days (how created-date filters reach Verifone)", () => {
  it("a day is sent as its first and last UTC instant, and read back as that day", () => {
    expect(utcDayStartIso("2026-11-01")).toBe("2026-11-01T00:00:00.000Z");
    expect(utcDayEndIso("2026-11-10")).toBe("2026-11-10T23:59:59.999Z");
    expect(utcDayOf("2026-11-10T23:59:59.999Z")).toBe("2026-11-10");
    expect(utcDayOf("2026-10-31T23:00:00.000Z")).toBe("2026-10-31");
    expect(utcDayOf("2026-11-10")).toBe("2026-11-10");
    expect(utcDayOf("later")).toBeNull();
    expect(utcDayOf(undefined)).toBeNull();
  });
});
