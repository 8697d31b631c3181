import { Badge } from "@mantine/core";
import { type ExpiryState, expiringWithinDays } from "@vbo/domain";

const statusColors: Record<string, string> = { ACTIVE: "green", SUSPENDED: "orange", DELETED: "gray" };

/** The token's state in words (colour only repeats it). */
export function TokenStatusBadge({ status }: { status: string | null | undefined }) {
  const text = status || "UNKNOWN";
  return (
    <Badge
      data-testid="token-status"
      color={statusColors[text] ?? "gray"}
      variant={text === "DELETED" ? "outline" : "light"}
    >
      {text}
    </Badge>
  );
}

const expiryFlags: Partial<Record<ExpiryState, { label: string; color: string; title: string }>> = {
  expired: { label: "Expired", color: "red", title: "The card's expiry month has passed" },
  expiring: {
    label: "Expires soon",
    color: "yellow",
    title: `The card expires within ${expiringWithinDays} days`,
  },
};

/** Shown only for a card that has expired or expires within 60 days. */
export function ExpiryFlag({ state }: { state: ExpiryState }) {
  const flag = expiryFlags[state];
  if (!flag) return null;
  return (
    <Badge data-testid="token-expiry-flag" data-state={state} color={flag.color} variant="light" title={flag.title}>
      {flag.label}
    </Badge>
  );
}
