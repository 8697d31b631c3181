import { describe, expect, it } from "vitest";
import { authenticationsExportHref } from "./ExportCsvButton.tsx";

describe("authentications CSV link", () => {
  it("carries exactly the filters and sort in force", () => {
    const filters = [{ field: "currency_code", op: "eq" as const, value: "EUR & co" }];
    const sort = [{ field: "amount", desc: true }];
    const href = authenticationsExportHref(filters, sort);
    expect(href.startsWith("/export/authentications.csv?input=")).toBe(true);
    const input = new URL(href, "http://x").searchParams.get("input");
    expect(JSON.parse(input ?? "")).toEqual({ filters, sort });
  });
});
