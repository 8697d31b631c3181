// @vitest-environment jsdom
import { useQuery } from "@tanstack/react-query";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { createMemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { type Call, renderApp, type Server, trpcError, trpcResult } from "../test/renderApp.tsx";
import { makeQueryClient, useTRPC } from "../trpc.ts";
import { AuthGate } from "./AuthGate.tsx";
import { LoginPage } from "./LoginPage.tsx";
import { leaveForSignIn } from "./session.ts";

type Router = ReturnType<typeof createMemoryRouter>;
const olivia = {
  id: "0d6b3f1e-8a51-4f8e-9c0a-6c1f2e3d4b5a",
  email: "ops@demo.test",
  name: "Olivia Ops",
  role: "operations" as const,
};

/** A page that needs the session: it lists users (any protected query will do). */
function ProtectedPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.users.list.queryOptions());
  return <p data-testid="protected">{list.isSuccess ? `${list.data.items.length} users` : "loading"}</p>;
}

function renderWithGate(path: string, server: Server) {
  let router: Router | undefined;
  const queryClient = makeQueryClient({
    onSessionEnded: () => {
      if (router) void leaveForSignIn(router, queryClient);
    },
  });
  const calls: Call[] = [];
  const view = renderApp({
    path,
    queryClient,
    routes: [
      { path: "/login", element: <LoginPage /> },
      { element: <AuthGate />, children: [{ path: "/authentications", element: <ProtectedPage /> }] },
    ],
    server: (call) => {
      calls.push(call);
      return server(call);
    },
  });
  router = view.router;
  return { ...view, calls };
}

const here = (router: Router) => `${router.state.location.pathname}${router.state.location.search}`;

describe("when the session ends", () => {
  it("a deep link opened while signed out goes to sign-in and, after it, back to the same URL", async () => {
    let signedIn = false;
    const { router } = renderWithGate("/authentications?f=currency_code~eq~EUR&sort=-amount", (call) => {
      if (call.path === "auth.me") return trpcResult(signedIn ? { user: olivia } : null);
      if (call.path === "auth.login") {
        signedIn = true;
        return trpcResult({ user: olivia });
      }
      return trpcResult({ items: [1, 2, 3] });
    });
    await screen.findByTestId("login-email");
    expect(router.state.location.pathname).toBe("/login");
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe(
      "/authentications?f=currency_code~eq~EUR&sort=-amount",
    );

    const user = userEvent.setup();
    await user.type(screen.getByTestId("login-email"), "ops@demo.test");
    await user.type(screen.getByTestId("login-password"), "demo-password-1");
    await user.click(screen.getByTestId("login-submit"));
    expect((await screen.findByText("3 users")).dataset.testid).toBe("protected");
    expect(here(router)).toBe("/authentications?f=currency_code~eq~EUR&sort=-amount");
  });

  it("an UNAUTHORIZED answer to any query sends the user to sign-in with next = where they were, cache cleared", async () => {
    const { router, queryClient } = renderWithGate("/authentications?skip=50", (call) =>
      call.path === "auth.me" ? trpcResult({ user: olivia }) : trpcError("UNAUTHORIZED", 401, "Sign in to continue"),
    );
    await screen.findByTestId("login-email");
    expect(here(router)).toBe(`/login?next=${encodeURIComponent("/authentications?skip=50")}`);
    expect(queryClient.getQueryData([["auth", "me"], { type: "query" }])).toBeUndefined();
  });

  it("a FORBIDDEN answer does not sign anyone out", async () => {
    const { router, calls } = renderWithGate("/authentications", (call) => {
      if (call.path === "auth.me") return trpcResult({ user: olivia });
      // Any signed-in user reads their own settings.
      if (call.path === "account.preferences") return trpcResult({ timeZone: null });
      return trpcError("FORBIDDEN", 403, "Your role (operations) lacks the permission users.manage");
    });
    await screen.findByTestId("protected");
    // The gate asks again who is signed in (the role may have changed since the page loaded)…
    await waitFor(() => expect(calls.filter((c) => c.path === "auth.me")).toHaveLength(2));
    // …and the user stays where they are.
    expect(router.state.location.pathname).toBe("/authentications");
    expect(screen.getByTestId("protected")).toBeTruthy();
  });
});
