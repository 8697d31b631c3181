import { Alert, Badge, Button, Divider, Group, Paper, PinInput, Skeleton, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle, IconLogout, IconShieldCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorInfo } from "../../api/errorInfo.ts";
import { useCurrentUser } from "../../auth/currentUser.ts";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { useTRPC } from "../../trpc.ts";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { PasskeysSection } from "./PasskeysSection.tsx";
import { SessionsList } from "./SessionsList.tsx";
import { TimeZoneSetting } from "./TimeZoneSetting.tsx";
import { TotpSetup } from "./TotpSetup.tsx";

/** The signed-in user's own security: password, two-step verification, sessions. */
export default function AccountPage() {
  const me = useCurrentUser();
  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Title order={2}>Account and security</Title>
        <Text size="sm" c="dimmed">
          {me.name} · {me.email}
        </Text>
      </div>
      <Section title="Password">
        <PasswordSection />
      </Section>
      <Section title="Two-step verification">
        <TwoStepSection />
      </Section>
      <Section title="Passkeys">
        <PasskeysSection />
      </Section>
      <Section title="Where you are signed in">
        <SessionsSection />
      </Section>
      <Section title="Time zone">
        <TimeZoneSetting />
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function PasswordSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(0);
  return (
    <ChangePasswordForm
      key={key}
      onChanged={() => {
        setKey(key + 1);
        void queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
        notifications.show({ color: "green", message: "Password changed. Your other sessions have ended." });
      }}
    />
  );
}

function TwoStepSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.account.totp.status.queryOptions());
  const [setting, setSetting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.totp.status.queryKey() });
  if (status.isError) {
    return (
      <LoadErrorAlert
        title="Could not load your two-step verification"
        error={status.error}
        onRetry={() => void status.refetch()}
        retrying={status.isFetching}
      />
    );
  }
  if (!status.data) return <Skeleton height={60} />;
  if (setting) {
    return (
      <TotpSetup
        onDone={() => {
          setSetting(false);
          void refresh();
        }}
      />
    );
  }
  if (!status.data.enrolled) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Sign-in asks for a code from an authenticator app on your phone after your password.
          {status.data.required && " Your role requires it."}
        </Text>
        <Button data-testid="totp-start" leftSection={<IconShieldCheck size={16} />} onClick={() => setSetting(true)}>
          Set up an authenticator app
        </Button>
      </Stack>
    );
  }
  return <TotpEnabled required={status.data.required} codesLeft={status.data.recoveryCodesLeft} onOff={refresh} />;
}

function TotpEnabled({ required, codesLeft, onOff }: { required: boolean; codesLeft: number; onOff: () => void }) {
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const disable = useMutation(
    trpc.account.totp.disable.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "green", message: "Two-step verification is off" });
        onOff();
      },
    }),
  );
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color="green" variant="light" style={{ textTransform: "none" }} data-testid="totp-on">
          On — authenticator app
        </Badge>
        <Text size="sm" c="dimmed">
          {codesLeft} recovery codes left
        </Text>
      </Group>
      {required ? (
        <Text size="sm" c="dimmed">
          Your role requires two-step verification; an admin can reset it if you lose your phone.
        </Text>
      ) : (
        <>
          <Divider />
          <Text size="sm">To turn it off, enter a current code from your app.</Text>
          {disable.isError && (
            <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
              {errorInfo(disable.error).message}
            </Alert>
          )}
          <Group gap="sm" align="flex-end">
            <PinInput length={6} type="number" oneTimeCode ariaLabel="6-digit code" value={code} onChange={setCode} />
            <Button
              color="red"
              variant="light"
              disabled={code.length !== 6}
              loading={disable.isPending}
              onClick={() => disable.mutate({ code })}
            >
              Turn off
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function SessionsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.account.sessions.queryOptions());
  const revoke = useMutation(
    trpc.account.revokeOtherSessions.mutationOptions({
      onSuccess: async ({ revoked }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
        notifications.show({ color: "green", message: `Signed out of ${revoked} other session(s)` });
      },
    }),
  );
  if (list.isError) {
    return (
      <LoadErrorAlert
        title="Could not load your sessions"
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  }
  if (!list.data) return <Skeleton height={80} />;
  const others = list.data.items.filter((s) => !s.current).length;
  return (
    <Stack gap="sm">
      <SessionsList items={list.data.items} />
      <Button
        data-testid="revoke-other-sessions"
        variant="light"
        color="red"
        w="fit-content"
        leftSection={<IconLogout size={16} />}
        disabled={others === 0}
        loading={revoke.isPending}
        onClick={() => revoke.mutate()}
      >
        Sign out everywhere else
      </Button>
    </Stack>
  );
}
