import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { expiryState, tokenExpired } from "@vbo/domain";
import type { ReactNode } from "react";
import { CopyValue } from "../../components/CopyValue.tsx";
import { FieldList } from "../../components/FieldList.tsx";
import { Time } from "../../time/Time.tsx";
import { maskedCardNumber } from "./maskedCard.ts";
import { ExpiryFlag, TokenStatusBadge } from "./TokenBadges.tsx";
import type { TokenView } from "./tokenTypes.ts";

/** Verifone's dates are date-times in practice, plain dates in the spec ("Format: date"): Time shows either. */
const when = (value: string | undefined) => (value ? <Time value={value} /> : undefined);

function expiryText(month: number | undefined, year: number | undefined): string | undefined {
  if (month === undefined && year === undefined) return undefined;
  return `${month === undefined ? "??" : String(month).padStart(2, "0")}/${year ?? "????"}`;
}

type Props = { token: TokenView; today: Date; actions?: ReactNode };

/** One stored card as Verifone has it: masked number, brand, expiry (flagged when close), holder, state, scope. */
export function TokenCard({ token, today, actions }: Props) {
  const masked = maskedCardNumber(token.bin, token.last_four, token.brand);
  const expiry = expiryState(token.expiry_month, token.expiry_year, today);
  const expiryValue = expiryText(token.expiry_month, token.expiry_year);
  return (
    <Card withBorder padding="lg" radius="md" data-testid="token-card" data-status={token.token_status}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} ff="monospace" data-testid="token-masked-card" style={{ letterSpacing: "0.04em" }}>
              {masked ?? "Card number not given"}
            </Title>
            <Text size="sm" c="dimmed">
              {[token.brand, token.type, token.variant].filter(Boolean).join(" · ") || "Brand not given"}
            </Text>
          </Stack>
          <TokenStatusBadge status={token.token_status} />
        </Group>
        {actions}
        <FieldList
          title="Card"
          items={[
            {
              label: "Expiry",
              value: expiryValue,
              node: expiryValue ? (
                <Group gap="xs" component="span">
                  <span data-testid="token-expiry">{expiryValue}</span>
                  <ExpiryFlag state={expiry} />
                </Group>
              ) : undefined,
            },
            { label: "Card holder", value: token.card_holder_name },
            { label: "Issuer", value: token.issuer_name },
            { label: "Issuer country", value: token.issuer_country },
          ]}
        />
        <FieldList
          title="Token"
          items={[
            {
              label: "Reuse token",
              value: token.reuse_token,
              node: token.reuse_token ? <CopyValue value={token.reuse_token} label="reuse token" /> : undefined,
            },
            { label: "Scope", value: token.token_scope, copy: true },
            { label: "Token type", value: token.reuse_token_type },
            { label: "Created", value: token.created_at, node: when(token.created_at) },
            { label: "Updated", value: token.updated_at, node: when(token.updated_at) },
            {
              label: "Token expires",
              value: token.token_expiry_date,
              node:
                token.token_expiry_date && tokenExpired(token.token_expiry_date, today) ? (
                  <Group gap="xs" component="span">
                    <span>{when(token.token_expiry_date)}</span>
                    <Badge
                      data-testid="token-expired-flag"
                      color="red"
                      variant="light"
                      title="The token's own expiry date (not the card's) has passed"
                    >
                      Token expired
                    </Badge>
                  </Group>
                ) : (
                  when(token.token_expiry_date)
                ),
            },
            ...(token.scheme_token?.status
              ? [{ label: "Scheme token", value: token.scheme_token.status, hint: "Network token held by the scheme" }]
              : []),
          ]}
        />
      </Stack>
    </Card>
  );
}
