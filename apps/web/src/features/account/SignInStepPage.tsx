import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { SignInStep } from "@vbo/domain";
import { ThemeToggle } from "../../components/ThemeToggle.tsx";
import { useTRPC } from "../../trpc.ts";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { TotpSetup } from "./TotpSetup.tsx";

/** A step of signing in that must be done before anything else: replace a temporary password, set up a factor. */
export default function SignInStepPage({ step }: { step: Exclude<SignInStep, "mfa"> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
  return (
    <Center mih="100dvh" p="md" pos="relative">
      <div style={{ position: "absolute", top: 12, right: 12 }}>
        <ThemeToggle />
      </div>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={step === "enrol-mfa" ? 560 : 460}>
        <Stack gap="lg" data-testid={`sign-in-step-${step}`}>
          {step === "change-password" ? (
            <>
              <div>
                <Title order={1} size="h3">
                  Choose a new password
                </Title>
                <Text c="dimmed" size="sm">
                  An admin set a temporary password for you. Replace it to continue.
                </Text>
              </div>
              <ChangePasswordForm
                onChanged={done}
                currentLabel="Temporary password"
                submitLabel="Set password"
                autoFocus
              />
            </>
          ) : (
            <>
              <div>
                <Title order={1} size="h3">
                  Set up two-step verification
                </Title>
                <Text c="dimmed" size="sm">
                  Your role needs a code from an authenticator app at every sign-in. Set it up to continue.
                </Text>
              </div>
              <TotpSetup onDone={done} />
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
