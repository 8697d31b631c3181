import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan } from "./jsonDepth.ts";

describe("jsonNestsDeeperThan", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonNestsDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":"[[[[[[\\"[[[["}', 1)).toBe(false);
  });

  it("refuses 100,000 levels", () => {
    expect(jsonNestsDeeperThan("[".repeat(100_000), 64)).toBe(true);
  });
});
