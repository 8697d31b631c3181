import { Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Role, roleLabels } from "@vbo/domain";
import { useState } from "react";
import { errorInfo } from "../../api/errorInfo.ts";
import { useCurrentUser, usePermission } from "../../auth/currentUser.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { ReasonTooltip } from "../../components/ReasonTooltip.tsx";
import { useTRPC } from "../../trpc.ts";
import { CreateUserModal } from "./CreateUserModal.tsx";
import { UserActionDialog } from "./UserActionDialog.tsx";
import { type StaffUser, type UserAction, UsersTable } from "./UsersTable.tsx";

const failure = (error: unknown) => {
  const info = errorInfo(error);
  return info.code ? info.message : `The back office could not be reached: ${info.message}`;
};

/** Staff users (admins only): create, change a role, disable. Every change is in the audit trail. */
export default function UsersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const manage = usePermission("users.manage", "manage staff users");
  const list = useQuery(trpc.users.list.queryOptions());
  const [creating, createModal] = useDisclosure(false);
  const [roleChange, setRoleChange] = useState<{ user: StaffUser; role: Role } | null>(null);
  const [disabling, setDisabling] = useState<StaffUser | null>(null);
  const [action, setAction] = useState<{ user: StaffUser; action: UserAction } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onSuccess: async (user) => {
        await refresh();
        setRoleChange(null);
        notifications.show({ color: "green", message: `${user.email} is now ${roleLabels[user.role]}` });
      },
    }),
  );
  const disable = useMutation(
    trpc.users.disable.mutationOptions({
      onSuccess: async (user) => {
        await refresh();
        setDisabling(null);
        notifications.show({ color: "green", message: `${user.email} is disabled and signed out everywhere` });
      },
    }),
  );

  let body: React.ReactNode;
  if (list.isError) {
    body = (
      <LoadErrorAlert
        title="The staff users could not be loaded"
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  } else if (!list.data) body = <Skeleton height={240} aria-label="Loading staff users" />;
  else {
    body = (
      <UsersTable
        users={list.data.items}
        selfId={me.id}
        onRoleChange={(user, role) => {
          setRole.reset();
          setRoleChange({ user, role });
        }}
        onDisable={(user) => {
          disable.reset();
          setDisabling(user);
        }}
        onAction={(user, kind) => setAction({ user, action: kind })}
      />
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2}>Users</Title>
          <Text size="sm" c="dimmed">
            {list.data ? `${list.data.items.length} staff users` : "Staff users and their roles"}
          </Text>
        </div>
        <ReasonTooltip reason={manage.reason}>
          <Button
            data-testid="create-user"
            leftSection={<IconUserPlus size={16} />}
            disabled={!manage.allowed}
            onClick={createModal.open}
          >
            Create user
          </Button>
        </ReasonTooltip>
      </Group>
      {body}
      <CreateUserModal
        opened={creating}
        onClose={createModal.close}
        onCreated={(email) => {
          createModal.close();
          notifications.show({ color: "green", message: `${email} can now sign in` });
        }}
      />
      <ConfirmDialog
        testId="confirm-role"
        opened={roleChange !== null}
        title="Change role"
        confirmLabel="Change role"
        pending={setRole.isPending}
        error={setRole.isError ? failure(setRole.error) : null}
        onCancel={() => setRoleChange(null)}
        onConfirm={() => roleChange && setRole.mutate({ id: roleChange.user.id, role: roleChange.role })}
      >
        {roleChange && (
          <Text size="sm">
            Change the role of <b>{roleChange.user.name}</b> ({roleChange.user.email}) from{" "}
            <b>{roleLabels[roleChange.user.role]}</b> to <b>{roleLabels[roleChange.role]}</b>? It applies from their
            next click, also in sessions already open.
          </Text>
        )}
      </ConfirmDialog>
      <UserActionDialog
        key={action ? `${action.user.id}:${action.action}` : "none"}
        target={action}
        onClose={() => setAction(null)}
        onDone={() => void refresh()}
      />
      <ConfirmDialog
        testId="confirm-disable"
        opened={disabling !== null}
        title="Disable user"
        confirmLabel="Disable user"
        color="red"
        pending={disable.isPending}
        error={disable.isError ? failure(disable.error) : null}
        onCancel={() => setDisabling(null)}
        onConfirm={() => disabling && disable.mutate({ id: disabling.id })}
      >
        {disabling && (
          <Text size="sm">
            Disable <b>{disabling.name}</b> ({disabling.email})? Their sessions end at once and they can no longer sign
            in. Their audit history stays.
          </Text>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
