import type { Filter } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import { applicableFilters, withServerProblems } from "./filterIssues.ts";

const f = (value: string): Filter => ({ field: "currency_code", op: "eq", value });

describe("the problems of a list's filters", () => {
  it("leaves the filters with a problem out of what is sent, remembering where the others stand in the URL", () => {
    const { applied, appliedIndex } = applicableFilters(
      [f("EUR"), f("??"), f("USD")],
      new Map([[1, "not a currency"]]),
    );
    expect(applied).toEqual([f("EUR"), f("USD")]);
    expect(appliedIndex).toEqual([0, 2]);
  });

  it("puts a problem the server found on the URL's filter it came from, keeping the local ones", () => {
    const server = [
      { path: ["filters", 1, "value"], message: "unknown currency" },
      { path: ["limit"], message: "too many" },
    ];
    const issues = withServerProblems(new Map([[1, "not a currency"]]), server, [0, 2]);
    expect([...issues]).toEqual([
      [1, "not a currency"],
      [2, "unknown currency"],
    ]);
  });
});
