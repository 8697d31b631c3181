import { describe, expect, it } from "vitest";
import { canonicalTimeZone } from "./timeZone.ts";

describe("canonicalTimeZone", () => {
  it("takes IANA names and UTC, in Intl's spelling", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone(" UTC ")).toBe("UTC");
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("Pacific/Kiritimati")).toBe("Pacific/Kiritimati");
  });

  it("refuses what is not a zone, offsets and overlong text", () => {
    for (const bad of [
      "",
      "Mars/Olympus_Mons",
      "Europe/Berlin; DROP",
      "+01:00",
      "UTC+1 ",
      "../etc",
      `A/${"x".repeat(80)}`,
    ]) {
      expect(canonicalTimeZone(bad), bad).toBeNull();
    }
  });
});
