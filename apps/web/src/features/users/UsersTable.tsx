import { ActionIcon, Badge, Button, Group, Menu, NativeSelect, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconDots, IconKey, IconLogout, IconShieldOff, IconUserCheck, IconUserOff } from "@tabler/icons-react";
import type { RouterOutputs } from "@vbo/api";
import { type Role, roleLabels, roles } from "@vbo/domain";
import { ReasonTooltip } from "../../components/ReasonTooltip.tsx";
import { Time } from "../../time/Time.tsx";
import { ZoneHeading } from "../../time/ZoneHeading.tsx";

export type StaffUser = RouterOutputs["users"]["list"]["items"][number];

type Props = {
  users: StaffUser[];
  /** The signed-in admin: their own row cannot be disabled or lose the admin role. */
  selfId: string;
  onRoleChange: (user: StaffUser, role: Role) => void;
  onDisable: (user: StaffUser) => void;
  /** Re-enable, reset the password or the second factor, sign out everywhere. */
  onAction?: (user: StaffUser, action: UserAction) => void;
};

export type UserAction = "enable" | "resetPassword" | "resetMfa" | "revokeSessions";

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** Why a row's role cannot be changed or the user disabled, or null when it can. */
export function rowLockReason(user: StaffUser, selfId: string): string | null {
  if (user.id === selfId) return "This is you: another admin must change your role or disable you";
  if (user.disabledAt) return "This user is disabled";
  return null;
}

export function UsersTable({ users, selfId, onRoleChange, onDisable, onAction = () => {} }: Props) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="users-table" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Two-step</Table.Th>
            <Table.Th>
              <ZoneHeading label="Last sign-in" />
            </Table.Th>
            <Table.Th>
              <ZoneHeading label="Created" />
            </Table.Th>
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
                  {user.mfaEnrolled ? (
                    <Badge color="blue" variant="light" style={{ textTransform: "none" }}>
                      On
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Off
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={user.lastSignInAt ?? undefined} data-testid="last-sign-in">
                    <Time value={user.lastSignInAt} label={false} fallback="Never" />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={user.createdAt}>
                    <Time value={user.createdAt} dateOnly />
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {disabled ? (
                      <Button
                        size="xs"
                        variant="light"
                        data-testid="enable-user"
                        leftSection={<IconUserCheck size={14} />}
                        onClick={() => onAction(user, "enable")}
                      >
                        Enable
                      </Button>
                    ) : (
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
                    )}
                    <Menu position="bottom-end" withArrow>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          data-testid="user-actions"
                          aria-label={`More actions for ${user.email}`}
                          disabled={user.id === selfId}
                        >
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          data-testid="reset-password"
                          leftSection={<IconKey size={16} />}
                          onClick={() => onAction(user, "resetPassword")}
                        >
                          Reset password
                        </Menu.Item>
                        <Menu.Item
                          data-testid="reset-mfa"
                          leftSection={<IconShieldOff size={16} />}
                          disabled={!user.mfaEnrolled}
                          onClick={() => onAction(user, "resetMfa")}
                        >
                          Reset two-step verification
                        </Menu.Item>
                        <Menu.Item
                          data-testid="revoke-sessions"
                          leftSection={<IconLogout size={16} />}
                          onClick={() => onAction(user, "revokeSessions")}
                        >
                          Sign out everywhere
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
