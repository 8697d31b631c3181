import { Tooltip } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A control that cannot be used, with the reason on hover and focus. A disabled element fires no pointer events, so
 * the tooltip sits on a wrapper; the reason is also the wrapper's accessible description.
 */
export function ReasonTooltip({ reason, children }: { reason: string | null; children: ReactNode }) {
  if (!reason) return children;
  return (
    <Tooltip label={reason} multiline maw={280} withArrow>
      <span style={{ display: "inline-block", cursor: "not-allowed" }} aria-description={reason}>
        {children}
      </span>
    </Tooltip>
  );
}
