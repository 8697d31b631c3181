import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { errorHeadline, errorInfo, type Problem } from "../api/errorInfo.ts";

type Props = {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  /**
   * A list whose filter bar marks the filters the server refused (in red, on their chips): those problems are not
   * repeated here, a sentence points at them instead.
   */
  filterProblemsShownAbove?: boolean;
};

/**
 * What could not be loaded: what failed (upstream status and message when Verifone failed), each problem the server
 * named, and a Retry; the page around it (filters, view) stays as it is.
 */
export function LoadErrorAlert({ title, error, onRetry, retrying, filterProblemsShownAbove = false }: Props) {
  const info = errorInfo(error);
  const onFilter = (p: Problem) => filterProblemsShownAbove && p.path[0] === "filters";
  const listed = info.problems.filter((p) => !onFilter(p));
  return (
    <Alert data-testid="error-state" color="red" variant="light" icon={<IconAlertCircle />} title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorHeadline(info)}</Text>
        {info.problems.some(onFilter) && (
          <Text size="sm">The filters marked in red above were refused; remove or change them.</Text>
        )}
        {listed.length > 0 && (
          <List size="sm">
            {listed.map((p) => (
              <List.Item key={`${p.path.join(".")}:${p.message}`}>
                {p.path.length > 0 && `${p.path.join(".")}: `}
                {p.message}
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
