import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import { errorInfo } from "../api/errorInfo.ts";
import { ThemeToggle } from "../components/ThemeToggle.tsx";
import { LoginForm } from "./LoginForm.tsx";
import { MfaForm } from "./MfaForm.tsx";
import { useSignIn, useVerifyMfa } from "./session.ts";

/** The server's words for a refused sign-in (wrong credentials and throttling alike); ours when it was not reached. */
function signInError(error: unknown): string {
  const info = errorInfo(error);
  return info.code ? info.message : `The back office could not be reached: ${info.message}`;
}

export function LoginPage() {
  const signIn = useSignIn();
  const verify = useVerifyMfa();
  const factorDue = signIn.data !== undefined && "mfa" in signIn.data;
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
              pending={verify.isPending}
              error={verify.isError ? signInError(verify.error) : null}
              onSubmit={(input) => verify.mutate(input)}
            />
          ) : (
            <LoginForm
              pending={signIn.isPending}
              error={signIn.isError ? signInError(signIn.error) : null}
              onSubmit={(credentials) => signIn.mutate(credentials)}
            />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
