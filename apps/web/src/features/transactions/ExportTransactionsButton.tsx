import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { LiabilityFilterValue } from "@vbo/domain";
import type { Filter, Sort } from "@vbo/verifone/fields";

/** GET /export/transactions.csv for the filters, sort and liability in force (every page, streamed by the API). */
export function transactionsExportHref(filters: Filter[], sort: Sort[], liability: LiabilityFilterValue[]): string {
  return `/export/transactions.csv?input=${encodeURIComponent(JSON.stringify({ filters, sort, liability }))}`;
}

type Props = { filters: Filter[]; sort: Sort[]; liability: LiabilityFilterValue[]; disabledReason?: string | null };

export function ExportTransactionsButton({ filters, sort, liability, disabledReason }: Props) {
  const dated = filters.some((f) => f.field === "created_at" && f.op !== "eq");
  const title =
    disabledReason ??
    (dated
      ? "Every transaction of the created range, with its liability, as CSV"
      : "Verifone lists the last 7 days when no created range is set: every one of those, with its liability, as CSV");
  return (
    <Button
      component="a"
      href={disabledReason ? undefined : transactionsExportHref(filters, sort, liability)}
      download
      variant="subtle"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
      data-testid="tx-export-csv"
      title={title}
      disabled={Boolean(disabledReason)}
    >
      Export CSV
    </Button>
  );
}
