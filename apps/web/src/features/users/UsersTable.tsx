import { Badge, Button, NativeSelect, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconUserOff } from "@tabler/icons-react";
import type { RouterOutputs } from "@vbo/api";
import { type Role, roleLabels, roles } from "@vbo/domain";
import dayjs from "dayjs";
import { ReasonTooltip } from "../../components/ReasonTooltip.tsx";

export type StaffUser = RouterOutputs["users"]["list"]["items"][number];

type Props = {
  users: StaffUser[];
  /** The signed-in admin: their own row cannot be disabled or lose the admin role. */
  selfId: string;
  onRoleChange: (user: StaffUser, role: Role) => void;
  onDisable: (user: StaffUser) => void;
};

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** Why a row's role cannot be changed or the user disabled, or null when it can. */
export function rowLockReason(user: StaffUser, selfId: string): string | null {
  if (user.id === selfId) return "This is you: another admin must change your role or disable you";
  if (user.disabledAt) return "This user is disabled";
  return null;
}

const day = (iso: string) => dayjs(iso).format("YYYY-MM-DD");

export function UsersTable({ users, selfId, onRoleChange, onDisable }: Props) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="users-table" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const lock = rowLockReason(user, selfId);
            const disabled = user.disabledAt !== null;
            return (
              <Table.Tr
                key={user.id}
                data-testid="user-row"
                data-email={user.email}
                data-disabled={disabled || undefined}
                style={disabled ? { opacity: 0.55 } : undefined}
              >
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {user.name}
                  {user.id === selfId && (
                    <Badge ml={6} size="xs" variant="outline">
                      you
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <ReasonTooltip reason={lock}>
                    <NativeSelect
                      size="xs"
                      w={140}
                      aria-label={`Role of ${user.email}`}
                      data-testid="role-select"
                      data={roleOptions}
                      value={user.role}
                      disabled={lock !== null}
                      onChange={(e) => onRoleChange(user, e.currentTarget.value as Role)}
                    />
                  </ReasonTooltip>
                </Table.Td>
                <Table.Td>
                  {disabled ? (
                    <Badge
                      color="gray"
                      variant="outline"
                      title={`Disabled ${user.disabledAt}`}
                      style={{ textTransform: "none" }}
                    >
                      Disabled
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light" style={{ textTransform: "none" }}>
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={user.createdAt}>
                    {day(user.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <ReasonTooltip reason={lock}>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      data-testid="disable-user"
                      leftSection={<IconUserOff size={14} />}
                      disabled={lock !== null}
                      onClick={() => onDisable(user)}
                    >
                      Disable
                    </Button>
                  </ReasonTooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
