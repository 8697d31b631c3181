import { describe, expect, it } from "vitest";
import { mayChangeView, mayDeleteView, mayOpenView, viewNameProblem, viewQueryOf } from "./savedViews.ts";

const owner = { id: "a", role: "operations" as const };
const colleague = { id: "b", role: "manager" as const };
const admin = { id: "c", role: "admin" as const };

describe("saved view rules", () => {
  it("only the owner changes a view", () => {
    expect(mayChangeView(owner, { ownerId: "a", shared: true })).toBe(true);
    expect(mayChangeView(colleague, { ownerId: "a", shared: true })).toBe(false);
    expect(mayChangeView(admin, { ownerId: "a", shared: true })).toBe(false);
  });

  it("an admin may delete a shared view, not a private one", () => {
    expect(mayDeleteView(owner, { ownerId: "a", shared: false })).toBe(true);
    expect(mayDeleteView(colleague, { ownerId: "a", shared: true })).toBe(false);
    expect(mayDeleteView(admin, { ownerId: "a", shared: true })).toBe(true);
    expect(mayDeleteView(admin, { ownerId: "a", shared: false })).toBe(false);
  });

  it("shared views open for everyone, private ones for the owner", () => {
    expect(mayOpenView(colleague, { ownerId: "a", shared: true })).toBe(true);
    expect(mayOpenView(colleague, { ownerId: "a", shared: false })).toBe(false);
  });

  it("names: required, bounded", () => {
    expect(viewNameProblem("  ")).toBe("Give the view a name");
    expect(viewNameProblem("x".repeat(81))).toMatch(/at most 80/);
    expect(viewNameProblem(" Mornings ")).toBeNull();
  });

  it("keeps filters, sort, columns and page size, drops the paging offset", () => {
    expect(viewQueryOf("?f=amount~gte~5&sort=-amount&skip=300&limit=100&cols=-eci&period=last-7-days")).toBe(
      "f=amount~gte~5&sort=-amount&limit=100&cols=-eci&period=last-7-days",
    );
  });
});
