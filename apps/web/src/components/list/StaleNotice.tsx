import { Group, Loader, Text } from "@mantine/core";

/**
 * Said above rows that belong to the previous view while the new one loads: what is shown is not yet the answer
 * to the filters above it.
 */
export function StaleNotice({ noun }: { noun: string }) {
  return (
    <Group gap="xs" role="status" data-testid="stale-notice" aria-live="polite">
      <Loader size="xs" aria-hidden />
      <Text size="sm" fw={600}>
        Loading the {noun} for the new filters — the rows below are the previous results.
      </Text>
    </Group>
  );
}
