import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { Filter, Sort } from "@vbo/verifone/fields";

/** GET /export/authentications.csv for the filters and sort in force (every page, streamed by the API). */
export function authenticationsExportHref(filters: Filter[], sort: Sort[]): string {
  return `/export/authentications.csv?input=${encodeURIComponent(JSON.stringify({ filters, sort }))}`;
}

export function ExportCsvButton({ filters, sort, total }: { filters: Filter[]; sort: Sort[]; total?: number }) {
  return (
    <Button
      component="a"
      href={authenticationsExportHref(filters, sort)}
      download
      variant="subtle"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
      data-testid="export-csv"
      title={
        total === undefined ? "Every matching authentication, as CSV" : `All ${total} matching authentications, as CSV`
      }
    >
      Export CSV
    </Button>
  );
}
