import { describe, expect, it } from "vitest";
import { rememberOpenedRow, rowMove, takeOpenedRow } from "./rowFocus.ts";

describe("row focus", () => {
  it("arrow keys, Home/End and Page keys move within the rows; other keys do not", () => {
    expect(rowMove("ArrowDown", 0, 3)).toBe(1);
    expect(rowMove("ArrowDown", 2, 3)).toBe(2);
    expect(rowMove("ArrowUp", 0, 3)).toBe(0);
    expect(rowMove("End", 0, 3)).toBe(2);
    expect(rowMove("Home", 2, 3)).toBe(0);
    expect(rowMove("PageDown", 0, 25)).toBe(10);
    expect(rowMove("PageUp", 5, 25)).toBe(0);
    expect(rowMove("a", 0, 3)).toBeNull();
    expect(rowMove("ArrowDown", 0, 0)).toBeNull();
  });

  it("the opened row is given back once, on the list's own path, when it is still shown", () => {
    rememberOpenedRow("t", "r2", "/transactions");
    expect(takeOpenedRow("t", "/transactions/r2", () => true)).toBeNull();
    expect(takeOpenedRow("t", "/transactions", () => false)).toBeNull();
    expect(takeOpenedRow("t", "/transactions", (id) => id === "r2")).toBe("r2");
    expect(takeOpenedRow("t", "/transactions", () => true)).toBeNull();
  });
});
