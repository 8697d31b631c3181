import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { Suspense } from "react";
import { useNavigate } from "react-router";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { BreakdownTable } from "./BreakdownTable.tsx";
import { groupsCsv } from "./breakdownCsv.ts";
import type { BreakdownRow } from "./breakdownRows.ts";
import { CsvDownloadButton } from "./CsvDownloadButton.tsx";
import { LiabilityBarChart } from "./LazyCharts.tsx";

type Props = {
  id: string;
  title: string;
  keyHeader: string;
  rows: BreakdownRow[] | undefined;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
  filename: string;
};

/** One breakdown: a chart (click a bar → its list) with the same figures as a table beside it, and a CSV of them. */
export function BreakdownSection({ id, title, keyHeader, rows, error, retrying, onRetry, filename }: Props) {
  const navigate = useNavigate();
  const headingId = `${id}-heading`;
  const notes = new Set(rows?.map((r) => r.link.note));
  const sharedNote = rows && rows.length > 0 && notes.size === 1 ? rows[0]?.link.note : null;

  let body: React.ReactNode;
  if (error) {
    body = (
      <LoadErrorAlert title={`${title} could not be loaded`} error={error} onRetry={onRetry} retrying={retrying} />
    );
  } else if (!rows) body = <Skeleton h={180} aria-label={`Loading ${title.toLowerCase()}`} />;
  else if (rows.length === 0) {
    body = (
      <Text c="dimmed" size="sm">
        No authentications in this period.
      </Text>
    );
  } else {
    const open = (key: string) => {
      const row = rows.find((r) => r.key === key);
      if (row) void navigate(row.link.href);
    };
    body = (
      <>
        <Suspense fallback={<Skeleton h={180} aria-label="Loading the chart" />}>
          <LiabilityBarChart
            rows={rows.map((r) => ({ key: r.key, label: r.label, issuer: r.group.issuer, merchant: r.group.merchant }))}
            onSelect={open}
            label={`${title}: issuer and merchant liable authentications. The table under it has the same figures.`}
          />
        </Suspense>
        <BreakdownTable rows={rows} caption={title} keyHeader={keyHeader} notesOnRows={!sharedNote} />
      </>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId} data-testid={`section-${id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            {title}
          </Title>
          {rows && rows.length > 0 && (
            <CsvDownloadButton
              filename={filename}
              label={`Download “${title}” as CSV`}
              csv={() =>
                groupsCsv(
                  rows.map((r) => r.group),
                  (key) => rows.find((r) => r.key === key)?.label ?? key,
                )
              }
            />
          )}
        </Group>
        {sharedNote && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle />} p="xs" data-testid="drill-down-note">
            <Text size="sm">Clicking a bar or row opens the closest list. {sharedNote}</Text>
          </Alert>
        )}
        {body}
      </Stack>
    </Paper>
  );
}
