import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { AuthenticationsPage } from "./features/authentications/AuthenticationsPage.tsx";
import { AppLayout } from "./routes/AppLayout.tsx";
import { NotFoundPage } from "./routes/NotFoundPage.tsx";
import { colorSchemeManager, theme } from "./theme.ts";
import { makeQueryClient, makeTrpcClient, TRPCProvider } from "./trpc.ts";

// Code-split: the drawer (and its payload decoding) loads only when a row is opened.
const AuthenticationDrawer = lazy(() => import("./features/authentications/AuthenticationDrawer.tsx"));

const router = createBrowserRouter([
  {
    path: "/",
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/authentications" replace /> },
      {
        path: "authentications",
        element: <AuthenticationsPage />,
        children: [{ path: ":id", element: <AuthenticationDrawer /> }],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(makeTrpcClient);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
