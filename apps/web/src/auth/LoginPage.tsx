import { Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { IconFingerprint } from "@tabler/icons-react";
import { errorInfo } from "../api/errorInfo.ts";
import { ThemeToggle } from "../components/ThemeToggle.tsx";
import { LoginForm } from "./LoginForm.tsx";
import { MfaForm } from "./MfaForm.tsx";
import { usePasskeyFactor, usePasskeySignIn } from "./passkeySignIn.ts";
import { PasswordSignIn, SsoSignIn } from "./SsoSignIn.tsx";
import { useSignIn, useVerifyMfa } from "./session.ts";

/** The server's words for a refused sign-in (wrong credentials and throttling alike); ours when it was not reached. */
function signInError(error: unknown): string {
  const info = errorInfo(error);
  return info.code ? info.message : `The back office could not be reached: ${info.message}`;
}

export function LoginPage() {
  const signIn = useSignIn();
  const verify = useVerifyMfa();
  const passkey = usePasskeySignIn();
  const passkeyFactor = usePasskeyFactor();
  const factorDue = signIn.data !== undefined && "mfa" in signIn.data ? signIn.data.mfa : null;
  const factorError = verify.error ?? passkeyFactor.error;
  return (
    <Center mih="100dvh" p="md" pos="relative">
      <div style={{ position: "absolute", top: 12, right: 12 }}>
        <ThemeToggle />
      </div>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack gap="lg">
          <div>
            <Title order={1} size="h3">
              Verifone Back Office
            </Title>
            <Text c="dimmed" size="sm">
              {factorDue ? "Two-step verification" : "Sign in with your staff account."}
            </Text>
          </div>
          {factorDue ? (
            <MfaForm
              methods={factorDue.methods}
              pending={verify.isPending}
              error={factorError ? signInError(factorError) : null}
              onSubmit={(input) => {
                passkeyFactor.reset();
                verify.mutate(input);
              }}
              passkeyPending={passkeyFactor.isPending}
              onPasskey={() => {
                verify.reset();
                passkeyFactor.mutate();
              }}
            />
          ) : (
            <>
              <SsoSignIn />
              <PasswordSignIn>
                <LoginForm
                  pending={signIn.isPending}
                  error={
                    signIn.isError ? signInError(signIn.error) : passkey.isError ? signInError(passkey.error) : null
                  }
                  onSubmit={(credentials) => {
                    passkey.reset();
                    signIn.mutate(credentials);
                  }}
                />
                <Button
                  data-testid="passkey-sign-in"
                  variant="default"
                  leftSection={<IconFingerprint size={16} />}
                  loading={passkey.isPending}
                  onClick={() => {
                    signIn.reset();
                    passkey.mutate();
                  }}
                >
                  Sign in with a passkey
                </Button>
              </PasswordSignIn>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
