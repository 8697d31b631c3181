import { can, type Role, roles } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import { CurrentUserContext } from "../auth/currentUser.ts";
import { renderStatic, textOf } from "../test/renderStatic.tsx";
import { AppNavbar } from "./AppNavbar.tsx";
import { SectionGuard } from "./SectionGuard.tsx";
import { sections, sectionsFor } from "./sections.ts";

const userWith = (role: Role) => ({ id: "u1", email: `${role}@demo.test`, name: `A ${role}`, role });

function navTestIds(role: Role): string[] {
  const html = renderStatic(
    <CurrentUserContext value={userWith(role)}>
      <AppNavbar onNavigate={() => {}} />
    </CurrentUserContext>,
  );
  return [...html.matchAll(/data-testid="(nav-[a-z]+)"/g)].map((m) => m[1] ?? "");
}

describe("navigation by role", () => {
  it.each([
    ["operations", ["nav-authentications", "nav-transactions", "nav-analytics"]],
    ["support", ["nav-authentications", "nav-transactions", "nav-analytics", "nav-tokens"]],
    ["manager", ["nav-authentications", "nav-transactions", "nav-analytics", "nav-tokens", "nav-audit"]],
    ["admin", ["nav-authentications", "nav-transactions", "nav-analytics", "nav-tokens", "nav-audit", "nav-users"]],
  ] as const)("%s sees only %j", (role, expected) => {
    expect(navTestIds(role)).toEqual(expected);
  });

  it("lists a section exactly when the role has the section's permission", () => {
    for (const role of roles) {
      for (const section of sections) {
        expect(sectionsFor(role).includes(section), `${role} / ${section.key}`).toBe(can(role, section.permission));
      }
    }
  });
});

describe("a section the role may not open", () => {
  const guarded = (role: Role, section: "audit" | "users") =>
    renderStatic(
      <CurrentUserContext value={userWith(role)}>
        <SectionGuard section={section}>
          <p data-testid="secret">the page</p>
        </SectionGuard>
      </CurrentUserContext>,
    );

  it("shows a page saying the role cannot open it, instead of the page", () => {
    const html = guarded("operations", "audit");
    expect(html).toContain('data-testid="forbidden-page"');
    expect(html).not.toContain('data-testid="secret"');
    expect(textOf(html)).toContain("Your role (Operations) cannot open the audit trail");
    expect(textOf(html)).toContain("audit.read");
  });

  it("shows the page to a role that may open it", () => {
    expect(guarded("manager", "audit")).toContain('data-testid="secret"');
    expect(guarded("manager", "users")).toContain('data-testid="forbidden-page"');
    expect(guarded("admin", "users")).toContain('data-testid="secret"');
  });
});
