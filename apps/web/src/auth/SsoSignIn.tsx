import { Alert, Anchor, Button, Divider, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconLogin2 } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { isSsoErrorCode, ssoErrorMessages } from "@vbo/domain";
import { type ReactNode, useState } from "react";
import { useLocation } from "react-router";
import { signInMeta, useTRPC } from "../trpc.ts";
import { afterLoginPathOf, homePath } from "./loginRedirect.ts";

/** How staff may sign in here (auth.methods): asked once per page load; unknown while loading or unreachable. */
function useSignInMethods() {
  const trpc = useTRPC();
  // signInMeta: failing to learn the methods is no "session ended".
  return useQuery({ ...trpc.auth.methods.queryOptions(), staleTime: Number.POSITIVE_INFINITY, meta: signInMeta });
}

/** Where the single sign-on starts, carrying the page the user was going to. */
export function ssoStartHref(startUrl: string, search: string): string {
  const next = afterLoginPathOf(search);
  return next === homePath ? startUrl : `${startUrl}?${new URLSearchParams({ next })}`;
}

/**
 * "Sign in with <provider>" when single sign-on is configured, and — after the provider sent the user back without
 * signing them in (`?sso_error=<code>`) — why, in words.
 */
export function SsoSignIn() {
  const methods = useSignInMethods();
  const { search } = useLocation();
  const code = new URLSearchParams(search).get("sso_error");
  const sso = methods.data?.sso ?? null;
  return (
    <>
      {isSsoErrorCode(code) && (
        <Alert
          data-testid="sso-error"
          role="alert"
          color="red"
          variant="light"
          icon={<IconAlertCircle />}
          title="Single sign-on did not sign you in"
        >
          {ssoErrorMessages[code]}
        </Alert>
      )}
      {sso && (
        <Button
          data-testid="sso-sign-in"
          component="a"
          href={ssoStartHref(sso.startUrl, search)}
          leftSection={<IconLogin2 size={16} aria-hidden />}
          fullWidth
        >
          Sign in with {sso.name}
        </Button>
      )}
      {sso && methods.data?.password === "on" && <Divider label="or" labelPosition="center" />}
    </>
  );
}

/**
 * The password (and passkey) sign-in: as is while password sign-in is on; behind a "Break-glass admin sign-in"
 * disclosure when it is switched off (PASSWORD_LOGIN=false), for the few admins still allowed to use it.
 */
export function PasswordSignIn({ children }: { children: ReactNode }) {
  const methods = useSignInMethods();
  const [open, setOpen] = useState(false);
  if (methods.data?.password !== "break-glass") return <>{children}</>;
  return (
    <Stack gap="md">
      <Anchor
        component="button"
        type="button"
        size="sm"
        c="dimmed"
        data-testid="break-glass-toggle"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        Break-glass admin sign-in
      </Anchor>
      {open && (
        <Stack gap="lg" data-testid="break-glass-sign-in">
          <Text size="sm" c="dimmed">
            Password sign-in is switched off; only the designated emergency admin accounts can use it.
          </Text>
          {children}
        </Stack>
      )}
    </Stack>
  );
}
