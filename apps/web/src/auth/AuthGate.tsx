import { Alert, Button, Center, Loader } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { errorHeadline, errorInfo } from "../api/errorInfo.ts";
import { TimeZoneProvider } from "../time/TimeZoneProvider.tsx";
import { useTRPC } from "../trpc.ts";
import { CurrentUserContext } from "./currentUser.ts";
import { loginPathFor } from "./loginRedirect.ts";

// Only for a sign-in with a step left (a temporary password, a factor to set up): loaded then, not on every start.
const SignInStepPage = lazy(() => import("../features/account/SignInStepPage.tsx"));

/** Every page inside needs a session: without one, the sign-in page, which brings the user back to this same URL. */
export function AuthGate() {
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.isPending) {
    return (
      <Center mih="100dvh">
        <Loader aria-label="Checking your session" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100dvh" p="md">
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle />}
          title="Your session could not be checked"
          maw={520}
        >
          {errorHeadline(errorInfo(me.error))}
          <Button
            mt="sm"
            display="block"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={16} />}
            loading={me.isFetching}
            onClick={() => void me.refetch()}
          >
            Retry
          </Button>
        </Alert>
      </Center>
    );
  }
  if (!me.data) return <Navigate to={loginPathFor(location)} replace />;
  if (me.data.next) {
    return (
      <CurrentUserContext value={me.data.user}>
        <Suspense fallback={<Loader aria-label="Loading" />}>
          <SignInStepPage step={me.data.next} />
        </Suspense>
      </CurrentUserContext>
    );
  }
  return (
    <CurrentUserContext value={me.data.user}>
      <TimeZoneProvider>
        <Outlet />
      </TimeZoneProvider>
    </CurrentUserContext>
  );
}
