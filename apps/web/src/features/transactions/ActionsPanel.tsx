import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowBackUp, IconCircleCheck, IconCircleX, type IconReceipt } from "@tabler/icons-react";
import { can, formatMoney, roleLabels } from "@vbo/domain";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../../auth/currentUser.ts";
import { ReasonTooltip } from "../../components/ReasonTooltip.tsx";
import { amountText } from "./columns.tsx";
import { MoneyMoveDialog, OutcomeUnknown } from "./MoneyMoveDialog.tsx";
import type { MoneyMove, TransactionDetail } from "./types.ts";
import { useMoneyMoves } from "./useMoneyMoves.ts";

const moves: { kind: MoneyMove; label: string; icon: typeof IconReceipt; color?: string }[] = [
  { kind: "refund", label: "Refund", icon: IconArrowBackUp, color: "red" },
  { kind: "capture", label: "Capture", icon: IconCircleCheck },
  { kind: "void", label: "Void", icon: IconCircleX, color: "red" },
];

const done: Record<MoneyMove, string> = { refund: "Refunded", capture: "Captured", void: "Voided" };

/**
 * Refund, capture and void, for the roles allowed to move money. Each button says why when the transaction does not
 * allow it; each asks for confirmation; the page shows the result only once the API has answered.
 */
export function ActionsPanel({ tx }: { tx: TransactionDetail }) {
  const { role } = useCurrentUser();
  const { search } = useLocation();
  const moneyMoves = useMoneyMoves(tx.id ?? "");
  // Whether the last void started was a release of the rest (the transaction no longer says so once it is done).
  const [released, setReleased] = useState(false);
  const allowed = moves.filter((m) => can(role, `transactions.${m.kind}`));
  const amountOf = { refund: tx.actions.refundable, capture: tx.actions.capturable, void: tx.actions.voidable };
  const currency = tx.currency_code ?? "";
  const reasonFor = (kind: MoneyMove) =>
    tx.actions.reasons[kind] ?? `This transaction cannot be ${done[kind].toLowerCase()}`;

  if (allowed.length === 0) {
    return (
      <Paper withBorder p="md" component="section" aria-label="Actions">
        <Title order={3} size="h5" mb="xs">
          Actions
        </Title>
        <Text size="sm" c="dimmed" data-testid="tx-actions-not-allowed">
          Your role ({roleLabels[role]}) cannot refund, capture or void payments.
        </Text>
      </Paper>
    );
  }

  // After a partial capture the void releases the rest of the hold: say so on the button.
  const labelOf = (kind: MoneyMove, label: string) =>
    kind === "void" && tx.actions.voidKind === "release" ? "Release the rest" : label;
  const { result, unconfirmed, notMade, open } = moneyMoves;
  return (
    <Paper withBorder p="md" component="section" aria-label="Actions">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Actions
        </Title>
        <Group gap="sm">
          {allowed.map(({ kind, label: plainLabel, icon: Icon, color }) => {
            const amount = amountOf[kind];
            const label = labelOf(kind, plainLabel);
            const reason =
              amount > 0
                ? null
                : (tx.actions.reasons[kind] ?? `This transaction cannot be ${done[kind].toLowerCase()}`);
            return (
              <ReasonTooltip key={kind} reason={reason}>
                <Button
                  data-testid={`tx-${kind}`}
                  variant="light"
                  color={color}
                  leftSection={<Icon size={16} />}
                  disabled={amount <= 0 || moneyMoves.pending}
                  onClick={() => {
                    setReleased(kind === "void" && tx.actions.voidKind === "release");
                    moneyMoves.start(kind);
                  }}
                >
                  {label}…
                </Button>
              </ReasonTooltip>
            );
          })}
        </Group>
        <Stack gap={2} data-testid="tx-action-limits">
          {allowed.map(({ kind, label }) => (
            <Text key={kind} size="xs" c={amountOf[kind] > 0 ? undefined : "dimmed"}>
              <b>{labelOf(kind, label)}:</b>{" "}
              {amountOf[kind] > 0 ? `up to ${formatMoney(amountOf[kind], currency)}` : reasonFor(kind)}
            </Text>
          ))}
        </Stack>
        {unconfirmed && !open && <OutcomeUnknown unconfirmed={unconfirmed} />}
        {notMade && !open && (
          <Alert data-testid="tx-not-made" role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
            {notMade.message}
          </Alert>
        )}
        {result && (
          <Alert
            data-testid="tx-action-result"
            color="green"
            variant="light"
            title={
              result.recovered
                ? `The ${result.kind === "void" && released ? "release" : result.kind} of ${amountText(result.view)} went through`
                : `${result.kind === "void" && released ? "Released" : done[result.kind]} ${amountText(result.view)}`
            }
          >
            {result.recovered && (
              <Text size="sm" mb="xs">
                Its first answer was lost; asked again with the same idempotency key, the back office confirmed it was
                made, once.
              </Text>
            )}
            <Text size="sm">
              Verifone created the {result.view.transaction_type?.toLowerCase() ?? "transaction"}{" "}
              {result.view.id ? (
                <Anchor
                  component={Link}
                  to={{ pathname: `/transactions/${encodeURIComponent(result.view.id)}`, search }}
                >
                  {result.view.id}
                </Anchor>
              ) : null}{" "}
              ({result.view.transaction_status ?? "status not given"}).
            </Text>
          </Alert>
        )}
      </Stack>
      {open && (
        <MoneyMoveDialog
          key={open}
          kind={open}
          tx={tx}
          pending={moneyMoves.pending}
          failure={moneyMoves.failure}
          unconfirmed={unconfirmed?.kind === open ? unconfirmed : null}
          onSubmit={(request) => moneyMoves.submit(open, request)}
          onCancel={moneyMoves.cancel}
        />
      )}
    </Paper>
  );
}
