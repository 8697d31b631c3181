import { Button, Group, Text } from "@mantine/core";
import { IconEdit, IconPlayerPause, IconPlayerPlay, IconTrash } from "@tabler/icons-react";
import { tokenActionAllowed } from "@vbo/domain";
import { usePermission } from "../../auth/currentUser.ts";
import { ReasonTooltip } from "../../components/ReasonTooltip.tsx";
import type { TokenActionName, TokenView } from "./tokenTypes.ts";

type Props = { token: TokenView; busy: boolean; onAction: (action: TokenActionName) => void };

/** Why the signed-in user cannot take `action` on this token now (role first, then the token's state), or null. */
function useBlocker(token: TokenView, action: TokenActionName, doWhat: string): string | null {
  const permission = usePermission(`tokens.${action}`, doWhat);
  if (!permission.allowed) return permission.reason;
  const state = tokenActionAllowed(token.token_status, action);
  return state.ok ? null : state.message;
}

/**
 * The actions the token's state allows — Suspend for an active token, Activate for a suspended one, Update and
 * Delete for either — each disabled, with the reason, when the role may not take it. A deleted token has none.
 */
export function TokenActions({ token, busy, onAction }: Props) {
  const suspend = useBlocker(token, "suspend", "suspend stored cards");
  const activate = useBlocker(token, "activate", "re-activate stored cards");
  const update = useBlocker(token, "update", "update stored cards");
  const remove = useBlocker(token, "delete", "delete stored cards");
  const status = token.token_status;

  if (status === "DELETED") {
    return (
      <Text size="sm" c="dimmed" data-testid="token-no-actions">
        This token is deleted: it cannot be changed or restored.
      </Text>
    );
  }
  const showActivate = status === "SUSPENDED";
  return (
    <Group gap="sm" data-testid="token-actions">
      {showActivate ? (
        <ReasonTooltip reason={activate}>
          <Button
            data-testid="token-activate"
            leftSection={<IconPlayerPlay size={16} />}
            color="green"
            variant="light"
            disabled={busy || activate !== null}
            onClick={() => onAction("activate")}
          >
            Activate
          </Button>
        </ReasonTooltip>
      ) : (
        <ReasonTooltip reason={suspend}>
          <Button
            data-testid="token-suspend"
            leftSection={<IconPlayerPause size={16} />}
            color="orange"
            variant="light"
            disabled={busy || suspend !== null}
            onClick={() => onAction("suspend")}
          >
            Suspend
          </Button>
        </ReasonTooltip>
      )}
      <ReasonTooltip reason={update}>
        <Button
          data-testid="token-update"
          leftSection={<IconEdit size={16} />}
          variant="default"
          disabled={busy || update !== null}
          onClick={() => onAction("update")}
        >
          Update
        </Button>
      </ReasonTooltip>
      <ReasonTooltip reason={remove}>
        <Button
          data-testid="token-delete"
          leftSection={<IconTrash size={16} />}
          color="red"
          variant="light"
          disabled={busy || remove !== null}
          onClick={() => onAction("delete")}
        >
          Delete
        </Button>
      </ReasonTooltip>
    </Group>
  );
}
