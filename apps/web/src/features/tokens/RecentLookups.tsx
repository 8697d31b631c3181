import { Badge, Group, NavLink, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { Time } from "../../time/Time.tsx";
import type { RecentLookup } from "./recentLookups.ts";
import { tokenPath } from "./tokenInputRules.ts";

/** The user's last look-ups in this browser, newest first; each opens its token again. */
export function RecentLookups({ lookups, current }: { lookups: readonly RecentLookup[]; current: string | null }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid="recent-lookups" component="section" aria-label="Recent look-ups">
      <Stack gap={4}>
        <Title order={3} size="h6">
          Your recent look-ups
        </Title>
        {lookups.length === 0 ? (
          <Text size="sm" c="dimmed">
            Tokens you look up appear here (in this browser only).
          </Text>
        ) : (
          lookups.map((lookup) => (
            <NavLink
              key={lookup.reuseToken}
              data-testid="recent-lookup"
              data-token={lookup.reuseToken}
              component={Link}
              to={tokenPath(lookup.reuseToken)}
              active={lookup.reuseToken === current}
              label={
                <Group gap={6} wrap="nowrap">
                  <Text span size="sm" ff="monospace">
                    {lookup.card}
                  </Text>
                  {lookup.brand && (
                    <Text span size="xs" c="dimmed">
                      {lookup.brand}
                    </Text>
                  )}
                  {lookup.status && (
                    <Badge size="xs" variant="outline" color="gray" title="Status when you looked it up">
                      {lookup.status}
                    </Badge>
                  )}
                </Group>
              }
              description={
                <Text span size="xs" c="dimmed" ff="monospace" style={{ wordBreak: "break-all" }}>
                  {lookup.reuseToken} · <Time value={lookup.at} />
                </Text>
              }
            />
          ))
        )}
      </Stack>
    </Paper>
  );
}
