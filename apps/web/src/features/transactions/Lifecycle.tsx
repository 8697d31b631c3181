import { Anchor, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { formatMoney } from "@vbo/domain";
import { Link, useLocation } from "react-router";
import { Time } from "../../time/Time.tsx";
import { ZoneHeading } from "../../time/ZoneHeading.tsx";
import { lifecycleOf } from "./lifecycle.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import type { TransactionDetail } from "./types.ts";

/** A time in the ledger: the Created header names the zone. */
const when = (value: string | null | undefined) => <Time value={value} label={false} />;

/** What is left to do with the transaction, as the API computed it (the authority: the same rules as its checks). */
function Remaining({ tx }: { tx: TransactionDetail }) {
  const { refundable, capturable, voidable } = tx.actions;
  const currency = tx.currency_code ?? "";
  const money = (minor: number) => formatMoney(minor, currency);
  let text: string;
  if (capturable > 0) text = `Remaining to capture: ${money(capturable)}`;
  else if (refundable > 0) text = `Remaining to refund: ${money(refundable)}`;
  else if (voidable > 0) text = `Can be voided: ${money(voidable)}`;
  else text = "Nothing is left to capture or refund";
  return (
    <Text
      fw={700}
      data-testid="tx-remaining"
      data-refundable={refundable}
      data-capturable={capturable}
      data-voidable={voidable}
    >
      {text}
    </Text>
  );
}

/**
 * The payment's ledger: its parent (when it is itself a capture, refund or void), then the transaction and each of
 * its children, oldest first, with what has been captured and refunded so far and what is left after each.
 */
export function Lifecycle({ tx }: { tx: TransactionDetail }) {
  const { search } = useLocation();
  const currency = tx.currency_code ?? "";
  const money = (minor: number | null) => (minor === null ? "—" : formatMoney(minor, currency));
  const ledger = lifecycleOf(tx);
  const link = (id: string) => ({ pathname: `/transactions/${encodeURIComponent(id)}`, search });
  // An authorisation is captured (its captures are refunded, not it); a payment is refunded.
  const forCapture = ledger.remainingFor === "capture";
  const runningLabel = forCapture ? "Captured so far" : "Refunded so far";
  const remainingLabel = forCapture ? "Left to capture" : "Left to refund";
  return (
    <Paper withBorder p="md" component="section" aria-label="Lifecycle">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h5">
            Lifecycle
          </Title>
          <Remaining tx={tx} />
        </Group>
        {tx.parent_id && (
          <Text size="sm" data-testid="tx-parent">
            This {(tx.transaction_type ?? "transaction").toLowerCase()} belongs to{" "}
            <Anchor component={Link} to={link(tx.parent_id)} ff="monospace" size="sm">
              {tx.parent_id}
            </Anchor>
          </Text>
        )}
        <Group gap="xl">
          <Text size="sm">
            Amount <b>{money(tx.amount_minor)}</b>
          </Text>
          {forCapture ? (
            <Text size="sm">
              Captured <b data-testid="tx-captured-total">{money(ledger.captured)}</b>
            </Text>
          ) : (
            <Text size="sm">
              Refunded <b data-testid="tx-refunded-total">{money(ledger.refunded)}</b>
            </Text>
          )}
        </Group>
        <Table.ScrollContainer minWidth={480}>
          <Table
            data-testid="tx-children"
            verticalSpacing={4}
            horizontalSpacing="xs"
            striped
            style={{ whiteSpace: "nowrap" }}
          >
            <Table.Thead>
              <Table.Tr>
                {/* Date and time may wrap onto two lines, so the table fits beside the actions at 1280 px. */}
                <Table.Th style={{ whiteSpace: "normal" }}>
                  <ZoneHeading label="Created" />
                </Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                {/* Two-word headers may wrap, so the table fits beside the actions at 1280 px. */}
                <Table.Th ta="right" style={{ whiteSpace: "normal" }}>
                  {runningLabel}
                </Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: "normal" }} data-testid="tx-remaining-header">
                  {remainingLabel}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr data-testid="tx-lifecycle-origin" fw={600} title="This transaction">
                <Table.Td style={{ whiteSpace: "normal" }}>{when(tx.created_at)}</Table.Td>
                <Table.Td>{tx.transaction_type ?? "—"}</Table.Td>
                <Table.Td>
                  <StatusBadge status={tx.transaction_status} size="sm" />
                </Table.Td>
                <Table.Td ta="right">{money(tx.amount_minor)}</Table.Td>
                {/* What is left now is said above the table; this row is where the ledger starts. */}
                <Table.Td ta="right" aria-label="not applicable">
                  —
                </Table.Td>
                <Table.Td ta="right" aria-label="not applicable" data-testid="tx-origin-left">
                  —
                </Table.Td>
              </Table.Tr>
              {ledger.steps.map((step) => {
                const { child } = step;
                return (
                  <Table.Tr
                    key={child.id ?? `${child.created_at}-${child.transaction_type}`}
                    data-testid="tx-child"
                    data-id={child.id ?? undefined}
                    data-type={child.transaction_type ?? undefined}
                    data-minor={step.minor ?? undefined}
                    c={step.counts ? undefined : "dimmed"}
                  >
                    <Table.Td style={{ whiteSpace: "normal" }}>
                      {child.id ? (
                        <Anchor component={Link} to={link(child.id)} size="sm">
                          {when(child.created_at)}
                        </Anchor>
                      ) : (
                        when(child.created_at)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {child.transaction_type ?? "—"}
                      {!step.counts && step.kind !== "other" && " (did not go through)"}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={child.transaction_status} size="sm" />
                    </Table.Td>
                    <Table.Td ta="right">{money(step.minor)}</Table.Td>
                    <Table.Td ta="right">{money(forCapture ? step.captured : step.refunded)}</Table.Td>
                    <Table.Td ta="right">{money(step.remaining)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {ledger.steps.length === 0 && (
          <Text size="sm" c="dimmed">
            No captures, refunds or voids yet.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
