import { describe, expect, it } from "vitest";
import { reasonProblem, reuseTokenProblem } from "./tokenInput.ts";

describe("a reuse token as typed", () => {
  it("takes 14 to 255 printable characters, ignoring spaces around them (the server trims)", () => {
    expect(reuseTokenProblem("a".repeat(14))).toBeNull();
    expect(reuseTokenProblem("a".repeat(255))).toBeNull();
    expect(reuseTokenProblem("  Ab3-_.~!#$%&*+=  ")).toBeNull();
    expect(reuseTokenProblem("4bZ9xQ2LmT7kP0vR")).toBeNull();
  });

  it("refuses one character too few or too many, saying how many it needs", () => {
    expect(reuseTokenProblem("a".repeat(13))).toBe("A reuse token has at least 14 characters");
    expect(reuseTokenProblem(` ${"a".repeat(13)} `)).toBe("A reuse token has at least 14 characters");
    expect(reuseTokenProblem("a".repeat(256))).toBe("A reuse token has at most 255 characters");
  });

  it("refuses inner spaces, control and non-ASCII characters", () => {
    for (const bad of ["abcdefg hijklmnop", "abcdefghijklmn\u0001", "abcdefghijklmné", "abcdefg\thijklmnop"]) {
      expect(reuseTokenProblem(bad), JSON.stringify(bad)).toBe("A reuse token has no spaces or special characters");
    }
  });

  it("asks for one when the box is empty", () => {
    expect(reuseTokenProblem("   ")).toBe("Enter a reuse token");
  });
});

describe("the reason for a state change", () => {
  it("needs 3 to 500 characters after trimming", () => {
    expect(reasonProblem("  ok ")).toBe("Say why, in a few words");
    expect(reasonProblem("lost")).toBeNull();
    expect(reasonProblem("x".repeat(500))).toBeNull();
    expect(reasonProblem("x".repeat(501))).toBe("At most 500 characters");
  });
});
