import { Alert } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";

/**
 * Liability is not a filter Verifone's transactions list offers: the rows are the page Verifone returned, kept when
 * their verdict matches. Said plainly, so nobody reads the count or the paging as the filtered total.
 */
export function LiabilityFilterNote({ kept, fetched }: { kept: number; fetched: number }) {
  return (
    <Alert
      variant="light"
      color="blue"
      icon={<IconInfoCircle size={18} aria-hidden />}
      data-testid="tx-liability-note"
      p="xs"
    >
      Verifone cannot filter transactions by liability, so this filter applies to the page it returned: {kept} of its{" "}
      {fetched} rows match. The count and the pages are those without it; the CSV export applies it to every row.
    </Alert>
  );
}
