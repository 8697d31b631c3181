import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { AuthGate } from "./auth/AuthGate.tsx";
import { leaveForSignIn } from "./auth/session.ts";
import { UrlStateAdapter } from "./components/list/UrlStateAdapter.tsx";
import { cspNonce } from "./cspNonce.ts";
import { AuthenticationsPage } from "./features/authentications/AuthenticationsPage.tsx";
import { AppLayout } from "./routes/AppLayout.tsx";
import { LandingRedirect } from "./routes/LandingRedirect.tsx";
import { NotFoundPage } from "./routes/NotFoundPage.tsx";
import { SectionGuard } from "./routes/SectionGuard.tsx";
import { colorSchemeManager, theme } from "./theme.ts";
import { makeQueryClient, makeTrpcClient, TRPCProvider } from "./trpc.ts";

// Code-split: the drawer (and its payload decoding) loads only when a row is opened; the audit, users and tokens pages
// only when opened (most staff never do), so the first screen's JS stays small.
// The sign-in page (its forms and their zod schemas) is not part of the signed-in first screen.
const LoginPage = lazy(() => import("./auth/LoginPage.tsx").then((m) => ({ default: m.LoginPage })));
const AuthenticationDrawer = lazy(() => import("./features/authentications/AuthenticationDrawer.tsx"));
const AuditPage = lazy(() => import("./features/audit/AuditPage.tsx"));
const UsersPage = lazy(() => import("./features/users/UsersPage.tsx"));
const TokensPage = lazy(() => import("./features/tokens/TokensPage.tsx"));
const TransactionsPage = lazy(() => import("./features/transactions/TransactionsPage.tsx"));
const TransactionPage = lazy(() => import("./features/transactions/TransactionPage.tsx"));
const AccountPage = lazy(() => import("./features/account/AccountPage.tsx"));
const AnalyticsPage = lazy(() => import("./features/analytics/AnalyticsPage.tsx"));
const FindPage = lazy(() => import("./features/search/FindPage.tsx"));

const router = createBrowserRouter([
  {
    path: "/login",
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <AuthGate />,
    children: [
      {
        path: "/",
        element: <AppLayout />,
        children: [
          { index: true, element: <LandingRedirect /> },
          {
            path: "authentications",
            element: (
              <SectionGuard section="authentications">
                <AuthenticationsPage />
              </SectionGuard>
            ),
            children: [{ path: ":id", element: <AuthenticationDrawer /> }],
          },
          {
            path: "transactions",
            element: (
              <SectionGuard section="transactions">
                <TransactionsPage />
              </SectionGuard>
            ),
          },
          {
            // A page of its own (the lifecycle and the actions need the room); it keeps the list's search params.
            path: "transactions/:id",
            element: (
              <SectionGuard section="transactions">
                <TransactionPage />
              </SectionGuard>
            ),
          },
          {
            path: "analytics",
            element: (
              <SectionGuard section="analytics">
                <AnalyticsPage />
              </SectionGuard>
            ),
          },
          {
            // The looked-up token is in the URL, so a link opens it; one route, so the page stays mounted between them.
            path: "tokens/:reuseToken?",
            element: (
              <SectionGuard section="tokens">
                <TokensPage />
              </SectionGuard>
            ),
          },
          {
            path: "audit",
            element: (
              <SectionGuard section="audit">
                <AuditPage />
              </SectionGuard>
            ),
          },
          {
            path: "users",
            element: (
              <SectionGuard section="users">
                <UsersPage />
              </SectionGuard>
            ),
          },
          { path: "account", element: <AccountPage /> },
          { path: "find", element: <FindPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(() => {
    // Any UNAUTHORIZED answer means the session has ended: off to sign in, and back here afterwards.
    const client: QueryClient = makeQueryClient({ onSessionEnded: () => void leaveForSignIn(router, client) });
    return client;
  });
  const [trpcClient] = useState(() => makeTrpcClient());
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      getStyleNonce={cspNonce}
    >
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <UrlStateAdapter>
            <RouterProvider router={router} />
          </UrlStateAdapter>
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
