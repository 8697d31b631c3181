import { Badge, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconShieldCheck } from "@tabler/icons-react";
import { liabilityReasonText } from "@vbo/domain";

type Liability = { liable: "ISSUER" | "MERCHANT"; reason: string };

export function liabilityReasonSentence(reason: string): string {
  return (liabilityReasonText as Record<string, string | undefined>)[reason] ?? reason;
}

/**
 * Who carries fraud liability: colour AND text AND icon, never colour alone; the reason on hover. `carried` marks the
 * verdict of a capture, refund or void, which is its original payment's.
 */
export function LiabilityBadge({ liability, carried = false }: { liability: Liability; carried?: boolean }) {
  const issuer = liability.liable === "ISSUER";
  const sentence = liabilityReasonSentence(liability.reason);
  const reason = carried ? `The original payment's verdict: ${sentence}` : sentence;
  return (
    <Tooltip label={reason} multiline maw={320} withinPortal>
      <Badge
        data-testid="liability-badge"
        data-liable={liability.liable}
        data-carried={carried || undefined}
        aria-description={reason}
        color={issuer ? "green" : "orange"}
        variant="light"
        leftSection={issuer ? <IconShieldCheck size={14} aria-hidden /> : <IconAlertTriangle size={14} aria-hidden />}
        style={{ textTransform: "none", minWidth: "max-content" }}
      >
        {issuer ? "Issuer" : "Merchant"}
      </Badge>
    </Tooltip>
  );
}
