import { Anchor, Group, Text, Tooltip } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { LiabilityBadge } from "../../components/LiabilityBadge.tsx";
import type { TransactionRow } from "./types.ts";

type Props = { tx: Pick<TransactionRow, "liability" | "liabilityOf"> };

/**
 * A transaction's liability in the list: its verdict, a capture's / refund's / void's being its original payment's;
 * "—" with a link to that payment when it could not be read.
 */
export function TransactionLiability({ tx }: Props) {
  const { search } = useLocation();
  if (tx.liability) return <LiabilityBadge liability={tx.liability} carried={Boolean(tx.liabilityOf)} />;
  const why = "The original payment could not be read, so its verdict is not known here.";
  return (
    <Group gap={6} wrap="nowrap" data-testid="liability-unknown">
      <Tooltip label={why} multiline maw={320} withinPortal>
        <Text span size="sm" aria-description={why}>
          —
        </Text>
      </Tooltip>
      {tx.liabilityOf && (
        <Anchor
          component={Link}
          to={{ pathname: `/transactions/${encodeURIComponent(tx.liabilityOf)}`, search }}
          size="sm"
          onClick={(e) => e.stopPropagation()}
        >
          see the payment
        </Anchor>
      )}
    </Group>
  );
}
