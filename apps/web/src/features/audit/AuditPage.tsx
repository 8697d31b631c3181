import { Button, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListPage } from "../../components/list/ListPage.tsx";
import { countTotals } from "../../components/list/ListTotals.tsx";
import { useTRPC } from "../../trpc.ts";
import { AuditFilterBar } from "./AuditFilterBar.tsx";
import { AuditTable } from "./AuditTable.tsx";
import { auditExportHref, auditListInput, auditPageSizes } from "./auditUrlState.ts";
import { useAuditState } from "./useAuditState.ts";

/** The audit trail (managers and admins): who did what, to what, with which outcome; filters kept in the URL. */
export default function AuditPage() {
  const trpc = useTRPC();
  const view = useAuditState();
  const { state, setState } = view;
  const list = useQuery(trpc.audit.list.queryOptions(auditListInput(state), { placeholderData: keepPreviousData }));
  const items = list.data?.items;

  return (
    <ListPage
      title="Audit trail"
      description="Every change made through the back office, including failed and refused attempts. Newest first."
      noun="events"
      views={{ page: "audit", dates: { kind: "instants", from: "from", to: "to" } }}
      actions={
        <Button
          component="a"
          href={auditExportHref(state)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
          data-testid="audit-export"
        >
          Export CSV
        </Button>
      }
      filterBar={<AuditFilterBar filters={state} onChange={setState} />}
      totals={countTotals("audit-count", list)}
      body={{
        noneAtAll: "Nothing has been changed through the back office yet.",
        errorTitle: "The audit trail could not be loaded",
        list,
        onRetry: () => void list.refetch(),
        rows: items,
        empty: (
          <Text c="dimmed" py="lg" ta="center" data-testid="audit-empty">
            No events match these filters.
          </Text>
        ),
        children: (rows) => <AuditTable events={rows} busy={list.isPlaceholderData} />,
      }}
      view={view}
      pages={{ shown: items?.length ?? 0, total: list.data?.count, sizes: auditPageSizes }}
    />
  );
}
