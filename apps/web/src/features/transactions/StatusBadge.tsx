import { Badge } from "@mantine/core";

const failed = new Set(["DECLINED", "FAILED", "REJECTED", "EXCEPTION", "TIMED_OUT", "SETTLEMENT_FAILED"]);
const done = new Set(["SETTLED", "RECONCILED", "COMPLETED", "APPROVED", "AUTHORISED", "CONFIRMED"]);
const undone = new Set(["REFUNDED", "PARTIALLY_REFUNDED", "CANCELLED", "REVERSED", "EXPIRED", "DISPUTED"]);

function colorOf(status: string): string {
  if (failed.has(status)) return "red";
  if (done.has(status)) return "green";
  if (undone.has(status)) return "grape";
  return "blue";
}

/** Verifone's transaction_status as it is (text, not colour alone: the colour only groups failed / done / undone). */
export function StatusBadge({ status, size = "md" }: { status: string | null | undefined; size?: "sm" | "md" }) {
  if (!status) return "—";
  return (
    <Badge
      data-testid="tx-status"
      size={size}
      variant="light"
      color={colorOf(status)}
      style={{ textTransform: "none", minWidth: "max-content" }}
    >
      {status}
    </Badge>
  );
}
