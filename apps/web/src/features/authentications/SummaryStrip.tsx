import { Group, Paper, Progress, Skeleton, Stack, Text, Tooltip } from "@mantine/core";

type Summary = { total: number; issuer: number; merchant: number };

const percent = (part: number, total: number) => (total > 0 ? `${((part / total) * 100).toFixed(1)}%` : "–");

function Figure({
  label,
  value,
  share,
  testId,
  color,
}: {
  label: string;
  value: number;
  share?: string;
  testId: string;
  color?: string;
}) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} c={color}>
        {value}
        {share && (
          <Text span size="sm" c="dimmed" fw={500}>
            {" "}
            ({share})
          </Text>
        )}
      </Text>
    </Stack>
  );
}

/** For the current filters: how many authentications, how many shifted liability to the issuer, how many did not. */
export function SummaryStrip({ summary, failed }: { summary: Summary | undefined; failed?: string | null }) {
  if (!summary) {
    return (
      <Paper withBorder p="sm">
        {failed ? (
          <Text size="sm" c="red">
            Summary unavailable: {failed}
          </Text>
        ) : (
          <Skeleton height={44} />
        )}
      </Paper>
    );
  }
  const { total, issuer, merchant } = summary;
  return (
    <Paper withBorder p="sm" aria-label="Liability summary for the current filters" role="region">
      <Group gap="xl" align="center" wrap="wrap">
        <Figure label="Authentications" value={total} testId="summary-total" />
        <Figure
          label="Liability shifted to issuer"
          value={issuer}
          share={percent(issuer, total)}
          testId="summary-issuer"
          color="var(--mantine-color-green-light-color)"
        />
        <Figure
          label="Stayed with merchant"
          value={merchant}
          share={percent(merchant, total)}
          testId="summary-merchant"
          color="var(--mantine-color-orange-light-color)"
        />
        {total > 0 && (
          <Progress.Root size="lg" style={{ flex: 1, minWidth: 160 }} aria-hidden>
            <Tooltip label={`Issuer ${percent(issuer, total)}`}>
              <Progress.Section value={(issuer / total) * 100} color="green" />
            </Tooltip>
            <Tooltip label={`Merchant ${percent(merchant, total)}`}>
              <Progress.Section value={(merchant / total) * 100} color="orange" />
            </Tooltip>
          </Progress.Root>
        )}
      </Group>
    </Paper>
  );
}
