import { Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { Period } from "@vbo/domain";
import { Suspense } from "react";
import { useNavigate } from "react-router";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { BreakdownTable } from "./BreakdownTable.tsx";
import { groupsCsv } from "./breakdownCsv.ts";
import type { BreakdownRow } from "./breakdownRows.ts";
import { CsvDownloadButton } from "./CsvDownloadButton.tsx";
import { LiabilityOverTimeChart } from "./LazyCharts.tsx";
import type { TimeBucket } from "./periodPresets.ts";
import { formatDay } from "./periodPresets.ts";
import { visaCutoffIn } from "./versionFlags.ts";

type Props = {
  rows: BreakdownRow[] | undefined;
  bucket: TimeBucket;
  period: Period;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
};

const bucketWords: Record<TimeBucket, string> = {
  day: "per day",
  week: "per week (weeks start on Monday)",
  month: "per month",
};

/** Liability over time: issuer / merchant liable stacked, the issuer share as a line; the same figures as a table. */
export function OverTimeSection({ rows, bucket, period, error, retrying, onRetry }: Props) {
  const navigate = useNavigate();
  const cutoff = visaCutoffIn(period);
  let body: React.ReactNode;
  if (error) {
    body = (
      <LoadErrorAlert
        title="Liability over time could not be loaded"
        error={error}
        onRetry={onRetry}
        retrying={retrying}
      />
    );
  } else if (!rows) body = <Skeleton h={300} aria-label="Loading liability over time" />;
  else {
    // The bucket the cut-off day falls in: the last one starting on or before it (rows are in order).
    const cutoffRow = cutoff ? rows.findLast((r) => r.key <= cutoff) : undefined;
    body = (
      <>
        <Suspense fallback={<Skeleton h={300} aria-label="Loading the chart" />}>
          <LiabilityOverTimeChart
            rows={rows.map((r) => ({
              key: r.key,
              label: r.label,
              issuer: r.group.issuer,
              merchant: r.group.merchant,
              issuerShare:
                r.group.rates.issuerShare === null ? null : Math.round(r.group.rates.issuerShare * 1000) / 10,
            }))}
            cutoff={cutoffRow?.label ?? null}
            onSelect={(key) => {
              const row = rows.find((r) => r.key === key);
              if (row) void navigate(row.link.href);
            }}
            label={`Issuer and merchant liable authentications ${bucketWords[bucket]}, with the issuer share. The table below has the same figures.`}
          />
        </Suspense>
        {cutoff && (
          <Text size="sm" c="red.8">
            Visa stopped shifting liability for 3-D Secure 1 on {formatDay(cutoff)} (marked on the chart).
          </Text>
        )}
        <details>
          <summary>
            <Text span size="sm">
              The same figures as a table
            </Text>
          </summary>
          <BreakdownTable
            rows={rows}
            caption={`Liability ${bucketWords[bucket]}`}
            keyHeader={bucket === "day" ? "Day" : bucket === "week" ? "Week" : "Month"}
          />
        </details>
      </>
    );
  }
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="over-time-heading"
      data-testid="section-over-time"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Title order={3} size="h4" id="over-time-heading">
              Liability over time
            </Title>
            <Text size="sm" c="dimmed">
              Authentications {bucketWords[bucket]}: who carries fraud liability, and the share shifted to the issuer.
              Click a bar to open its authentications.
            </Text>
          </Stack>
          {rows && rows.length > 0 && (
            <CsvDownloadButton
              filename={`liability-over-time-${period.from}-${period.to}.csv`}
              label="Download liability over time as CSV"
              csv={() =>
                groupsCsv(
                  rows.map((r) => r.group),
                  (key) => rows.find((r) => r.key === key)?.label ?? key,
                )
              }
            />
          )}
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}
