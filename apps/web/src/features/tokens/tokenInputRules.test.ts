import { describe, expect, it } from "vitest";
import { tokenPath } from "./tokenInputRules.ts";

describe("a token's page", () => {
  it("puts the token in the URL, encoded so any printable character survives", () => {
    expect(tokenPath(" 4bZ9xQ2LmT7kP0vR ")).toBe("/tokens/4bZ9xQ2LmT7kP0vR");
    expect(tokenPath("abc/def?ghi#jkl%mn")).toBe("/tokens/abc%2Fdef%3Fghi%23jkl%25mn");
  });
});
