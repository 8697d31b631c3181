import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { errorInfo } from "../../api/errorInfo.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { CopyValue } from "../../components/CopyValue.tsx";
import { useTRPC } from "../../trpc.ts";
import type { StaffUser, UserAction } from "./UsersTable.tsx";

const copy: Record<UserAction, { title: string; confirm: string; color?: string; says: (u: StaffUser) => string }> = {
  enable: {
    title: "Enable user",
    confirm: "Enable user",
    says: (u) => `Let ${u.name} (${u.email}) sign in again with their password?`,
  },
  resetPassword: {
    title: "Reset password",
    confirm: "Reset password",
    color: "red",
    says: (u) =>
      `Give ${u.name} (${u.email}) a temporary password? Their sessions end now, and they must choose a new password at their next sign-in.`,
  },
  resetMfa: {
    title: "Reset two-step verification",
    confirm: "Reset",
    color: "red",
    says: (u) =>
      `Remove ${u.name}'s authenticator app and recovery codes (e.g. a lost phone)? They are signed out and sign in with their password alone — or set up a new app, if their role requires one.`,
  },
  revokeSessions: {
    title: "Sign out everywhere",
    confirm: "Sign out everywhere",
    color: "red",
    says: (u) => `End every session of ${u.name} (${u.email})? They stay able to sign in again.`,
  },
};

type Props = {
  target: { user: StaffUser; action: UserAction } | null;
  onClose: () => void;
  onDone: () => void;
};

/** Confirms one admin action on a user; a reset password is shown here, once, to hand over. */
export function UserActionDialog({ target, onClose, onDone }: Props) {
  const trpc = useTRPC();
  const done = (message: string) => {
    onDone();
    onClose();
    notifications.show({ color: "green", message });
  };
  const enable = useMutation(
    trpc.users.enable.mutationOptions({ onSuccess: (u) => done(`${u.email} can sign in again`) }),
  );
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: () => onDone() }));
  const resetMfa = useMutation(
    trpc.users.resetMfa.mutationOptions({ onSuccess: () => done("Two-step verification reset") }),
  );
  const revoke = useMutation(
    trpc.users.revokeSessions.mutationOptions({
      onSuccess: ({ revoked }) => done(`${revoked} session(s) ended`),
    }),
  );
  const mutations = { enable, resetPassword, resetMfa, revokeSessions: revoke };
  if (!target) return null;
  const { user, action } = target;
  const mutation = mutations[action];
  const text = copy[action];
  const temporary = resetPassword.data?.temporaryPassword;
  if (temporary) {
    return (
      <Modal opened onClose={onClose} title="Temporary password" centered data-testid="temporary-password-dialog">
        <Stack gap="md">
          <Text size="sm">
            Give this password to {user.name} through a channel you trust. It works once: they choose their own at
            sign-in. It is not shown again.
          </Text>
          <div data-testid="temporary-password" data-value={temporary}>
            <CopyValue value={temporary} label="temporary password" />
          </div>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="temporary-password-done">
              Done
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  return (
    <ConfirmDialog
      testId={`confirm-${action}`}
      opened
      title={text.title}
      confirmLabel={text.confirm}
      color={text.color}
      pending={mutation.isPending}
      error={mutation.isError ? errorInfo(mutation.error).message : null}
      onCancel={onClose}
      onConfirm={() => mutation.mutate({ id: user.id })}
    >
      <Text size="sm">{text.says(user)}</Text>
      {action === "resetPassword" && (
        <Alert color="yellow" variant="light">
          Check who is asking before you reset: whoever gets the temporary password can sign in as them.
        </Alert>
      )}
    </ConfirmDialog>
  );
}
