import { describe, expect, it } from "vitest";
import { parseAmount, parseTimeInterval } from "./queryValues.ts";

const ms = (iso: string) => Date.parse(iso);

describe("parseTimeInterval", () => {
  it("reads a date as its whole UTC day", () => {
    expect(parseTimeInterval("2021-10-16")).toEqual({
      start: ms("2021-10-16T00:00:00.000Z"),
      end: ms("2021-10-16T23:59:59.999Z"),
    });
  });

  it("reads a date-time as one instant, with or without offset (none = UTC)", () => {
    const at = ms("2021-10-16T08:30:00.000Z");
    expect(parseTimeInterval("2021-10-16T10:30:00+02:00")).toEqual({ start: at, end: at });
    expect(parseTimeInterval("2021-10-16T08:30:00Z")).toEqual({ start: at, end: at });
    expect(parseTimeInterval("2021-10-16T08:30")).toEqual({ start: at, end: at });
    expect(parseTimeInterval("2021-10-16T08:30:00.123456Z")?.start).toBe(at + 123);
  });

  it.each(["2021-02-29", "2021-13-01", "2021-10-16T24:00:00Z", "16.10.2021", "2021-10-16 08:30", "", "yesterday"])(
    "refuses %j",
    (value) => {
      expect(parseTimeInterval(value)).toBeNull();
    },
  );

  it("knows leap years", () => {
    expect(parseTimeInterval("2024-02-29")).not.toBeNull();
  });
});

describe("parseAmount", () => {
  it("reads decimals and refuses the rest", () => {
    expect(parseAmount("7500")).toBe(7500);
    expect(parseAmount("7500.50")).toBe(7500.5);
    expect(parseAmount("-1")).toBe(-1);
    for (const bad of ["", "1e3", "12abc", "0x10", " 1", "9007199254740992"]) expect(parseAmount(bad)).toBeNull();
  });
});
