import { Badge } from "@mantine/core";
import { IconBan, IconCheck, IconX } from "@tabler/icons-react";
import type { AuditOutcome } from "./auditUrlState.ts";

const looks = {
  success: { label: "Success", color: "green", icon: IconCheck },
  failure: { label: "Failed", color: "red", icon: IconX },
  refused: { label: "Refused", color: "orange", icon: IconBan },
} satisfies Record<AuditOutcome, unknown>;

/** The outcome in colour AND words AND icon, never colour alone. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { label, color, icon: OutcomeIcon } = looks[outcome];
  return (
    <Badge
      data-testid="outcome-badge"
      data-outcome={outcome}
      color={color}
      variant="light"
      leftSection={<OutcomeIcon size={12} aria-hidden />}
      // A narrow table column must not cut the word to "Succ…": the badge keeps its full width.
      style={{ textTransform: "none", minWidth: "max-content" }}
    >
      {label}
    </Badge>
  );
}
