import { Avatar, Button, Menu, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronDown, IconLogout, IconShieldLock } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { errorInfo } from "../api/errorInfo.ts";
import { useCurrentUser, userSummary } from "./currentUser.ts";
import { useSignOut } from "./session.ts";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
}

/** Who is signed in, with which role, and the way out. */
export function UserMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const summary = userSummary(user);
  return (
    <Menu position="bottom-end" width={240} withArrow>
      <Menu.Target>
        <Button
          data-testid="user-menu"
          variant="subtle"
          color="gray"
          px="xs"
          leftSection={
            <Avatar size={26} radius="xl" color="blue" aria-hidden>
              {initials(user.name)}
            </Avatar>
          }
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {/* The name is the visible text (axe: label-content-name-mismatch), with its purpose for screen readers. */}
          <VisuallyHidden>Account: </VisuallyHidden>
          <Text size="sm" visibleFrom="xs" span>
            {summary}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {user.email}</Menu.Label>
        <Menu.Item
          data-testid="account-security"
          leftSection={<IconShieldLock size={16} />}
          onClick={() => void navigate("/account")}
        >
          Account and security
        </Menu.Item>
        <Menu.Item
          data-testid="sign-out"
          leftSection={<IconLogout size={16} />}
          disabled={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, {
              onError: (error) =>
                notifications.show({
                  color: "red",
                  title: "Could not sign out",
                  message: errorInfo(error).message,
                }),
            })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
