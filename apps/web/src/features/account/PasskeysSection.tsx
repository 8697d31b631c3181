import { Alert, Button, Group, Skeleton, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { startRegistration } from "@simplewebauthn/browser";
import { IconAlertCircle, IconFingerprint, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorInfo } from "../../api/errorInfo.ts";
import { asAnswer } from "../../auth/passkeySignIn.ts";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { Time } from "../../time/Time.tsx";
import { ZoneHeading } from "../../time/ZoneHeading.tsx";
import { useTRPC } from "../../trpc.ts";

const when = (iso: string | null) => <Time value={iso} label={false} fallback="Never" />;

/** The user's passkeys: a second factor, and a way to sign in without the password. Several, named, removable. */
export function PasskeysSection({ onAdded }: { onAdded?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.account.passkeys.list.queryOptions());
  const [name, setName] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.passkeys.list.queryKey() });
  const options = useMutation(trpc.account.passkeys.registerOptions.mutationOptions());
  const register = useMutation(trpc.account.passkeys.register.mutationOptions());
  const add = useMutation({
    mutationFn: async () => {
      const optionsJSON = (await options.mutateAsync()) as Parameters<typeof startRegistration>[0]["optionsJSON"];
      const response = await startRegistration({ optionsJSON });
      return register.mutateAsync({ name: name.trim(), response: asAnswer(response) });
    },
    onSuccess: async (added) => {
      setName("");
      await refresh();
      notifications.show({ color: "green", message: `Passkey “${added.name}” added` });
      onAdded?.();
    },
  });
  const remove = useMutation(trpc.account.passkeys.remove.mutationOptions({ onSuccess: () => void refresh() }));

  if (list.isError) {
    return (
      <LoadErrorAlert
        title="Could not load your passkeys"
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  }
  if (!list.data) return <Skeleton height={60} />;
  return (
    <Stack gap="sm">
      <Text size="sm">
        A passkey (your device's fingerprint, face or PIN, or a security key) signs you in without your password and
        counts as your second factor.
      </Text>
      {list.data.items.length > 0 && (
        <Table data-testid="passkeys-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>
                <ZoneHeading label="Added" />
              </Table.Th>
              <Table.Th>
                <ZoneHeading label="Last used" />
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((p) => (
              <Table.Tr key={p.id} data-testid="passkey-row" data-name={p.name}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{when(p.createdAt)}</Table.Td>
                <Table.Td>{when(p.lastUsedAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    aria-label={`Remove passkey ${p.name}`}
                    loading={remove.isPending && remove.variables?.id === p.id}
                    onClick={() => remove.mutate({ id: p.id })}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(add.isError || remove.isError) && (
        <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />} data-testid="passkey-error">
          {errorInfo(add.error ?? remove.error).message}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) add.mutate();
        }}
      >
        <Group gap="sm" align="flex-end">
          <TextInput
            data-testid="passkey-name"
            label="Name for a new passkey"
            placeholder="e.g. Work laptop"
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button
            type="submit"
            data-testid="passkey-add"
            leftSection={<IconFingerprint size={16} />}
            loading={add.isPending}
            disabled={!name.trim()}
          >
            Add a passkey
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
