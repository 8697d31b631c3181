import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { errorHeadline, errorInfo } from "../api/errorInfo.ts";

type Props = { title: string; error: unknown; onRetry: () => void; retrying: boolean };

/** A list that could not be loaded: what failed, each problem the server named, and a Retry. */
export function LoadErrorAlert({ title, error, onRetry, retrying }: Props) {
  const info = errorInfo(error);
  return (
    <Alert data-testid="error-state" color="red" variant="light" icon={<IconAlertCircle />} title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorHeadline(info)}</Text>
        {info.problems.length > 0 && (
          <List size="sm">
            {info.problems.map((p) => (
              <List.Item key={`${p.path.join(".")}:${p.message}`}>
                {p.path.length > 0 && `${p.path.join(".")}: `}
                {p.message}
              </List.Item>
            ))}
          </List>
        )}
        <Button
          data-testid="retry"
          leftSection={<IconRefresh size={16} />}
          onClick={onRetry}
          loading={retrying}
          variant="white"
          color="red"
        >
          Retry
        </Button>
      </Stack>
    </Alert>
  );
}
