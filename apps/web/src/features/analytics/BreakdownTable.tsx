import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link } from "react-router";
import type { BreakdownRow } from "./breakdownRows.ts";
import { formatCount, formatRate } from "./figures.ts";

/**
 * The table beside every chart: each row's label opens its Authentications list (a new URL). A row the list cannot
 * select exactly says so, and its link opens the closest list.
 */
type Props = {
  rows: BreakdownRow[];
  caption: string;
  keyHeader: string;
  /** False when the section says the (one, shared) note above the table instead of on every row. */
  notesOnRows?: boolean;
};

export function BreakdownTable({ rows, caption, keyHeader, notesOnRows = true }: Props) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="breakdown-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="30%">
              {keyHeader}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Authentications
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Issuer liable
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Merchant liable
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Issuer share
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Frictionless
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Challenge rate
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Challenge success
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Abandonment
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid="breakdown-row" data-key={row.key}>
              <Table.Th scope="row" fw={400}>
                <Anchor
                  component={Link}
                  to={row.link.href}
                  data-testid="drill-down"
                  title={row.link.note ?? `Open the ${formatCount(row.group.authentications)} authentications`}
                >
                  {row.label}
                </Anchor>
                {row.description && (
                  <Text size="xs" c="dimmed">
                    {row.description}
                  </Text>
                )}
                {row.flag && (
                  <Group gap={4} mt={2}>
                    <Badge
                      color="red"
                      variant="light"
                      size="sm"
                      leftSection={<IconAlertTriangle size={12} aria-hidden />}
                      style={{ textTransform: "none" }}
                      data-testid="row-flag"
                    >
                      {row.flag}
                    </Badge>
                  </Group>
                )}
                {notesOnRows && row.link.note && (
                  <Text size="xs" c="dimmed" data-testid="drill-down-note">
                    Opens the closest list: {row.link.note}
                  </Text>
                )}
              </Table.Th>
              <Table.Td ta="right">{formatCount(row.group.authentications)}</Table.Td>
              <Table.Td ta="right">{formatCount(row.group.issuer)}</Table.Td>
              <Table.Td ta="right">{formatCount(row.group.merchant)}</Table.Td>
              <Table.Td ta="right">{formatRate(row.group.rates.issuerShare)}</Table.Td>
              <Table.Td ta="right">{formatRate(row.group.rates.frictionlessRate)}</Table.Td>
              <Table.Td ta="right">{formatRate(row.group.rates.challengeRate)}</Table.Td>
              <Table.Td ta="right">{formatRate(row.group.rates.challengeSuccess)}</Table.Td>
              <Table.Td ta="right">{formatRate(row.group.rates.abandonment)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
