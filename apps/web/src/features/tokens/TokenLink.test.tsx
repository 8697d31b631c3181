import type { Role } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import { CurrentUserContext } from "../../auth/currentUser.ts";
import { renderStatic, textOf } from "../../test/renderStatic.tsx";
import { TokenLink } from "./TokenLink.tsx";

const as = (role: Role, reuseToken: string) =>
  renderStatic(
    <CurrentUserContext value={{ id: "u1", email: `${role}@demo.test`, name: role, role }}>
      <TokenLink reuseToken={reuseToken} />
    </CurrentUserContext>,
  );

describe("a card id named by another record", () => {
  it("links to the token's page for a role that may read tokens", () => {
    for (const role of ["support", "manager", "admin"] as const) {
      const html = as(role, "4bZ9xQ2LmT7kP0vR");
      expect(html, role).toContain('href="/tokens/4bZ9xQ2LmT7kP0vR"');
      expect(html).toContain('data-testid="token-link"');
    }
  });

  it("is plain copyable text for operations, who cannot open tokens", () => {
    const html = as("operations", "4bZ9xQ2LmT7kP0vR");
    expect(html).not.toContain("href=");
    expect(html).not.toContain('data-testid="token-link"');
    expect(textOf(html)).toContain("4bZ9xQ2LmT7kP0vR");
  });

  it("is plain text when the value is not a well-formed reuse token", () => {
    expect(as("support", "short-id")).not.toContain("href=");
  });
});
