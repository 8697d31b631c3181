import { Alert, Group, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconClockHour4 } from "@tabler/icons-react";
import { useTimeZone } from "../../time/timeZoneContext.ts";
import { backfillProgress, formatInstant, formatLag, staleAfterSeconds } from "./freshness.ts";
import type { StatusAnswer } from "./types.ts";

/** "Data as of …" with the store's lag, the back-fill's progress while it runs, and the last sync error if any. */
export function DataFreshness({ status }: { status: StatusAnswer | undefined }) {
  const zone = useTimeZone();
  if (!status) {
    return (
      <Text size="sm" c="dimmed" data-testid="data-as-of">
        Checking how fresh the figures are…
      </Text>
    );
  }
  const progress = backfillProgress(status);
  const stale = status.lagSeconds !== null && status.lagSeconds > staleAfterSeconds;
  return (
    <Stack gap="xs">
      <Group gap={6} wrap="nowrap">
        <IconClockHour4 size={16} aria-hidden />
        <Text size="sm" data-testid="data-as-of" c={stale ? "orange.8" : undefined}>
          {status.syncedThrough
            ? `Data as of ${formatInstant(status.syncedThrough, zone)}`
            : "No data synced from Verifone yet"}
          {status.lagSeconds !== null && ` — ${formatLag(status.lagSeconds)} behind Verifone`}
          {stale && " (the figures are ageing: the sync has not caught up)"}
        </Text>
      </Group>
      {status.lastError && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle />}
          title="The last sync failed"
          p="xs"
          styles={{ title: { color: "var(--mantine-color-text)" } }}
        >
          <Text size="sm">
            {status.lastError}. The figures stay as they were and the sync tries again on its next round.
          </Text>
        </Alert>
      )}
      {progress && (
        <div data-testid="backfill-progress">
          <Text size="sm">
            Loading history from Verifone: {progress.percent} % — the store holds records from{" "}
            {formatInstant(progress.reached, zone)} on and is going back to {formatInstant(progress.target, zone)}.
          </Text>
          <Progress value={progress.percent} aria-label="History loaded" mt={4} />
        </div>
      )}
    </Stack>
  );
}
