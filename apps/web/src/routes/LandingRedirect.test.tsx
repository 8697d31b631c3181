// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import type { Role } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/renderApp.tsx";
import { LandingRedirect } from "./LandingRedirect.tsx";

function landAs(role: Role) {
  return renderApp({
    path: "/",
    user: { id: "u1", email: `${role}@demo.test`, name: role, role },
    routes: [
      { path: "/", element: <LandingRedirect /> },
      { path: "/analytics", element: <p data-testid="page">analytics</p> },
      { path: "/authentications", element: <p data-testid="page">authentications</p> },
    ],
    server: () => ({ status: 500, body: {} }),
  });
}

describe("where sign-in lands", () => {
  it("sends managers to Analytics", async () => {
    const { router } = landAs("manager");
    await screen.findByTestId("page");
    expect(router.state.location.pathname).toBe("/analytics");
  });

  it.each(["operations", "support", "admin"] as const)("sends %s to Authentications", async (role) => {
    const { router } = landAs(role);
    await screen.findByTestId("page");
    expect(router.state.location.pathname).toBe("/authentications");
  });
});
