import { Alert, Button, Group, List, Pagination, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconDownload } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { PageSizeSelect } from "../../components/list/PageSizeSelect.tsx";
import { SavedViewsMenu } from "../../components/views/SavedViewsMenu.tsx";
import { useTRPC } from "../../trpc.ts";
import { AuditFilterBar } from "./AuditFilterBar.tsx";
import { AuditTable } from "./AuditTable.tsx";
import { auditExportHref, auditListInput, auditPageSizes } from "./auditUrlState.ts";
import { useAuditState } from "./useAuditState.ts";

const controlNames = { first: "First", previous: "Previous", next: "Next", last: "Last" } as const;

/** The audit trail (managers and admins): who did what, to what, with which outcome; filters kept in the URL. */
export default function AuditPage() {
  const trpc = useTRPC();
  const { state, problems, setState, dropUnreadable } = useAuditState();
  const list = useQuery(trpc.audit.list.queryOptions(auditListInput(state), { placeholderData: keepPreviousData }));

  const total = list.data?.count;
  const items = list.data?.items;
  const pages = total === undefined ? 1 : Math.max(1, Math.ceil(total / state.limit));
  const page = Math.floor(state.skip / state.limit) + 1;

  let body: React.ReactNode;
  if (list.isError) {
    body = (
      <LoadErrorAlert
        title="The audit trail could not be loaded"
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  } else if (!items) body = <Skeleton height={320} aria-label="Loading the audit trail" />;
  else if (items.length === 0) {
    body = (
      <Text c="dimmed" py="lg" ta="center" data-testid="audit-empty">
        No events match these filters.
      </Text>
    );
  } else body = <AuditTable events={items} busy={list.isPlaceholderData} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Audit trail</Title>
          <Text size="sm" c="dimmed">
            Every change made through the back office, including failed and refused attempts. Newest first.
          </Text>
        </div>
        <Group gap="xs">
          <SavedViewsMenu page="audit" dates={{ kind: "instants", from: "from", to: "to" }} />
          <Button
            component="a"
            href={auditExportHref(state)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="audit-export"
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      {problems.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Part of this link could not be read">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={`${p.param}=${p.value}`}>
                <code>
                  {p.param}={p.value}
                </code>
                : {p.message} (ignored)
              </List.Item>
            ))}
          </List>
          <Button size="xs" variant="light" color="yellow" mt="xs" onClick={dropUnreadable}>
            Remove from the link
          </Button>
        </Alert>
      )}
      <AuditFilterBar filters={state} onChange={setState} />
      <Text fw={600} data-testid="audit-count" data-count={total}>
        {total === undefined ? (list.isError ? "Count unavailable" : "Counting…") : `${total} events`}
      </Text>
      {body}
      <Group justify="space-between" gap="sm">
        <Pagination
          data-testid="audit-pagination"
          total={pages}
          value={Math.min(page, pages)}
          onChange={(p) => setState({ skip: (p - 1) * state.limit })}
          withEdges
          size="sm"
          aria-label="Audit trail pages"
          getControlProps={(control) => ({ "aria-label": `${controlNames[control]} page` })}
          getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
        />
        <PageSizeSelect
          id="audit-page-size"
          label="Events per page"
          limit={state.limit}
          sizes={auditPageSizes}
          onChange={(limit) => setState({ limit })}
        />
      </Group>
    </Stack>
  );
}
