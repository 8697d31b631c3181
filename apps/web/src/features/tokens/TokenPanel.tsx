import { Alert, Skeleton, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { errorInfo } from "../../api/errorInfo.ts";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { useTRPC } from "../../trpc.ts";
import { lastFourMasked } from "./maskedCard.ts";
import { ReasonDialog } from "./ReasonDialog.tsx";
import { TokenActions } from "./TokenActions.tsx";
import { TokenCard } from "./TokenCard.tsx";
import type { TokenActionName, TokenView } from "./tokenTypes.ts";
import { UpdateDialog } from "./UpdateDialog.tsx";
import { type ActionNotice, useTokenActions } from "./useTokenActions.ts";

const nouns: Record<TokenActionName, string> = {
  suspend: "suspension",
  activate: "re-activation",
  update: "update",
  delete: "deletion",
};

// The state each action leaves the token in: seen on the token read again, an unknown outcome is known to be done.
const reached: Partial<Record<TokenActionName, TokenView["token_status"]>> = {
  suspend: "SUSPENDED",
  activate: "ACTIVE",
  delete: "DELETED",
};

function Notice({ notice, token }: { notice: ActionNotice; token: TokenView | undefined }) {
  const target = reached[notice.action];
  if (notice.kind === "outcomeUnknown" && target && token?.token_status === target) {
    return (
      <Alert
        data-testid="token-outcome-learnt"
        color="green"
        variant="light"
        icon={<IconCircleCheck />}
        title={`The ${nouns[notice.action]} went through`}
      >
        <Text size="sm">
          Its answer was lost, so the token was read again: Verifone has it {target.toLowerCase()}, as asked.
        </Text>
      </Alert>
    );
  }
  if (notice.kind === "outcomeUnknown") {
    return (
      <Alert
        data-testid="token-outcome-unknown"
        color="yellow"
        variant="light"
        icon={<IconHelpCircle />}
        title={`The outcome of the ${nouns[notice.action]} is unknown`}
      >
        <Text size="sm">
          Verifone did not confirm it either way. The token has been read again and is shown below as Verifone has it
          now: check its state before trying again.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert
      data-testid="token-action-error"
      color="orange"
      variant="light"
      icon={<IconAlertTriangle />}
      title={`The ${nouns[notice.action]} was not made`}
    >
      <Text size="sm">{notice.message}. The token has been read again and is shown below as it is now.</Text>
    </Alert>
  );
}

/** A dialog for the open action, asking what that action needs. */
function ActionDialog({ token, actions }: { token: TokenView; actions: ReturnType<typeof useTokenActions> }) {
  const { open, pending, failure } = actions;
  const card = `${token.brand ?? "card"} ${lastFourMasked(token.last_four)}`;
  const lastFour = token.last_four && /^\d{4}$/.test(token.last_four) ? token.last_four : null;
  if (open === "update") {
    return (
      <UpdateDialog
        token={token}
        today={new Date()}
        pending={pending}
        serverError={actions.failedError}
        onConfirm={(changes, reason) => actions.update(changes, reason)}
        onCancel={actions.cancel}
      />
    );
  }
  if (open === "delete") {
    return (
      <ReasonDialog
        title="Delete the stored card"
        confirmLabel="Delete permanently"
        color="red"
        pending={pending}
        error={failure?.message ?? null}
        typeToConfirm={
          lastFour
            ? { value: lastFour, label: "Type the card's last four digits to confirm" }
            : { value: "DELETE", label: "Type DELETE to confirm" }
        }
        onConfirm={(reason) => actions.stateChange("delete", reason)}
        onCancel={actions.cancel}
      >
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="This cannot be undone">
          Deleting the token of <b>{card}</b> is irreversible: Verifone removes the stored card, the merchant can no
          longer charge it, and the token cannot be restored. The customer would have to enter the card again.
        </Alert>
      </ReasonDialog>
    );
  }
  if (open === "suspend" || open === "activate") {
    const suspend = open === "suspend";
    return (
      <ReasonDialog
        title={suspend ? "Suspend the stored card" : "Re-activate the stored card"}
        confirmLabel={suspend ? "Suspend" : "Activate"}
        color={suspend ? "orange" : "green"}
        pending={pending}
        error={failure?.message ?? null}
        onConfirm={(reason) => actions.stateChange(open, reason)}
        onCancel={actions.cancel}
      >
        <Text size="sm">
          {suspend
            ? `Payments with ${card} stop until the token is re-activated. This can be undone.`
            : `Payments with ${card} become possible again.`}
        </Text>
      </ReasonDialog>
    );
  }
  return null;
}

/**
 * One looked-up token: its card, the actions the role and state allow, and what happened to the last action.
 * Mount it with `key={reuseToken}` so a notice never outlives its token.
 */
export function TokenPanel({ reuseToken }: { reuseToken: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.tokens.get.queryOptions({ reuseToken }));
  const actions = useTokenActions(reuseToken);
  const notFound = query.isError && errorInfo(query.error).code === "NOT_FOUND";

  let body: React.ReactNode = null;
  if (query.data) {
    body = (
      <TokenCard
        token={query.data}
        today={new Date()}
        actions={<TokenActions token={query.data} busy={actions.pending} onAction={actions.start} />}
      />
    );
  } else if (query.isError && !notFound) {
    body = (
      <LoadErrorAlert
        title="The token could not be read"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else if (query.isPending) {
    body = <Skeleton height={320} radius="md" aria-label="Reading the token from Verifone" />;
  }

  return (
    <Stack gap="md">
      {actions.notice && <Notice notice={actions.notice} token={query.data} />}
      {body}
      {query.data && <ActionDialog token={query.data} actions={actions} />}
    </Stack>
  );
}
