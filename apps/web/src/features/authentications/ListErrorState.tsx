import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { errorHeadline, errorInfo } from "../../api/errorInfo.ts";

/** What failed (upstream status and message when Verifone failed), with a Retry; the filters stay as they are. */
export function ListErrorState({
  error,
  onRetry,
  retrying,
  title = "The authentications could not be loaded",
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  title?: string;
}) {
  const info = errorInfo(error);
  const otherProblems = info.problems.filter((p) => p.path[0] !== "filters");
  return (
    <Alert data-testid="error-state" color="red" variant="light" icon={<IconAlertCircle />} title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorHeadline(info)}</Text>
        {info.problems.some((p) => p.path[0] === "filters") && (
          <Text size="sm">The filters marked in red above were refused; remove or change them.</Text>
        )}
        {otherProblems.length > 0 && (
          <List size="sm">
            {otherProblems.map((p) => (
              <List.Item key={`${p.path.join(".")}:${p.message}`}>
                {p.path.join(".")}: {p.message}
              </List.Item>
            ))}
          </List>
        )}
        {info.upstream && !info.upstream.retryable && (
          <Text size="xs" c="dimmed">
            Verifone marked this as not worth retrying as is.
          </Text>
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
