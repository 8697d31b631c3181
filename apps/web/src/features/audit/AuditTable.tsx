import { ActionIcon, Badge, Code, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { isRole, roleLabels } from "@vbo/domain";
import { Fragment, useState } from "react";
import { CopyValue } from "../../components/CopyValue.tsx";
import { Time } from "../../time/Time.tsx";
import { ZoneHeading } from "../../time/ZoneHeading.tsx";
import type { AuditEvent } from "./auditUrlState.ts";
import { OutcomeBadge } from "./OutcomeBadge.tsx";

const columnCount = 8;
const roleText = (role: string | null) => (role === null ? "" : isRole(role) ? roleLabels[role] : role);

/** An address wraps after its @ when the column is narrow, never inside a word. */
function Email({ value }: { value: string }) {
  const at = value.lastIndexOf("@");
  if (at < 0) return value;
  return (
    <span style={{ overflowWrap: "normal" }}>
      {value.slice(0, at + 1)}
      <wbr />
      {value.slice(at + 1)}
    </span>
  );
}

/** Newest first, as the API sends them; a row opens to show the input (secrets already removed) and the error. */
export function AuditTable({ events, busy }: { events: AuditEvent[]; busy?: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table
        data-testid="audit-table"
        verticalSpacing={6}
        highlightOnHover
        aria-busy={busy || undefined}
        style={busy ? { opacity: 0.6 } : undefined}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th>
              <ZoneHeading label="Time" />
            </Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th ta="right">Upstream</Table.Th>
            <Table.Th>Request id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const expanded = open.has(event.id);
            const detailsId = `audit-details-${event.id}`;
            return (
              <Fragment key={event.id}>
                <Table.Tr data-testid="audit-row" data-action={event.action} data-outcome={event.outcome}>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      aria-label={expanded ? "Hide the input" : "Show the input"}
                      onClick={() => toggle(event.id)}
                    >
                      {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      <Time value={event.at} seconds label={false} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.actorEmail ? <Email value={event.actorEmail} /> : "—"}</Text>
                    {event.actorRole && (
                      <Badge size="xs" variant="outline" color="gray">
                        {roleText(event.actorRole)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Code>{event.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
                      {event.target ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={event.outcome} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{event.upstreamStatus ?? "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    {event.requestId ? <CopyValue value={event.requestId} label="request id" /> : "—"}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId} data-testid="audit-details">
                    <Table.Td colSpan={columnCount}>
                      <Stack gap="xs">
                        {event.error && (
                          <Text size="sm" c="red">
                            {event.error}
                          </Text>
                        )}
                        <Code block>
                          {event.input === undefined || event.input === null
                            ? "(no input)"
                            : JSON.stringify(event.input, null, 2)}
                        </Code>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
