import { Badge, Table, Text } from "@mantine/core";
import { Time } from "../../time/Time.tsx";
import { ZoneHeading } from "../../time/ZoneHeading.tsx";

export type SessionRow = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

const browsers: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\//, "Firefox"],
  [/HeadlessChrome\//, "Headless Chrome"],
  [/Chrome\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const systems: [RegExp, string][] = [
  [/Windows/, "Windows"],
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"],
  [/Linux/, "Linux"],
];

/** "Firefox on Linux" from a user agent, roughly: enough to recognise one's own devices. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = browsers.find(([re]) => re.test(userAgent))?.[1] ?? (userAgent.split(/[ /]/)[0] || "Unknown");
  const os = systems.find(([re]) => re.test(userAgent))?.[1];
  return os ? `${browser} on ${os}` : browser;
}

const when = (iso: string) => <Time value={iso} label={false} />;

export function SessionsList({ items }: { items: SessionRow[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="sessions-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>
              <ZoneHeading label="Signed in" />
            </Table.Th>
            <Table.Th>
              <ZoneHeading label="Last seen" />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="session-row">
              <Table.Td>
                <Text size="sm" title={s.userAgent ?? undefined} span>
                  {deviceOf(s.userAgent)}
                </Text>
                {s.current && (
                  <Badge ml={6} size="xs" variant="outline" style={{ textTransform: "none" }}>
                    this browser
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {s.ip ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{when(s.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{when(s.lastSeenAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
