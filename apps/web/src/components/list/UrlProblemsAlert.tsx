import { Alert, Button, List, Text } from "@mantine/core";
import { IconLinkOff } from "@tabler/icons-react";
import type { UrlProblem } from "./listStateCodec.ts";

/** Parts of the link that could not be read: they are ignored, and listed here rather than crashing the page. */
export function UrlProblemsAlert({ problems, onDrop }: { problems: UrlProblem[]; onDrop: () => void }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconLinkOff />}
      title="Part of this link could not be read and is ignored"
      data-testid="url-problems"
    >
      <List size="sm" mb="xs">
        {problems.map((p) => (
          <List.Item key={`${p.param}=${p.value}`}>
            <Text span ff="monospace" size="sm">
              {p.param}={p.value}
            </Text>
            : {p.message}
          </List.Item>
        ))}
      </List>
      <Button size="xs" variant="light" color="yellow" onClick={onDrop}>
        Remove them from the link
      </Button>
    </Alert>
  );
}
