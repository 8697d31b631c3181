import type { Filter } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import { filterChips, filterChipText } from "./filterChipText.ts";
import { dayEndIso, dayStartIso } from "./quickFilterModel.ts";

const created = (op: "gte" | "lte", value: string): Filter => ({ field: "created_at", op, value });
const texts = (filters: Filter[], zone = "Europe/Berlin", problems?: Map<number, string>) =>
  filterChips(filters, zone, { problems }).map((chip) => chip.text);

describe("date filter chips say what the date filter sends", () => {
  it("a range of whole UTC days, as the Created filter sends it, is one chip in the picker's words", () => {
    const filters = [created("gte", dayStartIso("2026-11-01")), created("lte", dayEndIso("2026-11-10"))];
    expect(filters.map((f) => f.value)).toEqual(["2026-11-01T00:00:00.000Z", "2026-11-10T23:59:59.999Z"]);
    expect(filterChips(filters, "Europe/Berlin")).toEqual([
      { text: "Created from 1 Nov 2026 to 10 Nov 2026 (UTC days)", indexes: [0, 1] },
    ]);
    // The same words whatever zone times are shown in: the days are Verifone's, UTC.
    expect(texts(filters, "Pacific/Kiritimati")).toEqual(["Created from 1 Nov 2026 to 10 Nov 2026 (UTC days)"]);
  });

  it("plain dates in the URL (Verifone takes dates) read the same; one day reads as that day", () => {
    expect(texts([created("gte", "2026-11-01"), created("lte", "2026-11-14")])).toEqual([
      "Created from 1 Nov 2026 to 14 Nov 2026 (UTC days)",
    ]);
    expect(texts([created("lte", "2026-11-05"), created("gte", "2026-11-05")])).toEqual([
      "Created on 5 Nov 2026 (UTC day)",
    ]);
  });

  it("a single bound is its own chip", () => {
    expect(texts([created("gte", dayStartIso("2026-11-01"))])).toEqual(["Created from 1 Nov 2026 (UTC day)"]);
    expect(texts([created("lte", "2026-11-10T23:59:59.999Z")])).toEqual(["Created to 10 Nov 2026 (UTC day)"]);
  });

  it("a bound at another instant is a time in the staff member's zone, labelled", () => {
    const berlinDay = [created("gte", "2026-10-31T23:00:00.000Z"), created("lte", "2026-11-10T22:59:59.999Z")];
    expect(texts(berlinDay)).toEqual([
      "Created from 1 Nov 2026, 00:00 UTC+01:00",
      "Created to 10 Nov 2026, 23:59 UTC+01:00",
    ]);
    expect(filterChipText(created("gte", "soon"), "UTC")).toBe("Created from soon");
  });

  it("a bound with a problem keeps its own chip, so the problem sits next to it", () => {
    const filters = [created("gte", "2026-01-01"), created("lte", "2026-03-01")];
    expect(texts(filters, "UTC", new Map([[1, "the range is longer than one month"]]))).toEqual([
      "Created from 1 Jan 2026 (UTC day)",
      "Created to 1 Mar 2026 (UTC day)",
    ]);
  });

  it("other filters read as before, in their place", () => {
    const filters: Filter[] = [
      { field: "authentication.card_brand", op: "eq", value: "VISA" },
      created("gte", "2026-11-01"),
      { field: "amount", op: "gte", value: 500 },
      created("lte", "2026-11-02"),
    ];
    expect(filterChips(filters, "UTC")).toEqual([
      { text: "Card brand = VISA", indexes: [0] },
      { text: "Created from 1 Nov 2026 to 2 Nov 2026 (UTC days)", indexes: [1, 3] },
      { text: "Amount ≥ 500", indexes: [2] },
    ]);
  });
});
