import { Group, Text, Tooltip } from "@mantine/core";

type Props = {
  /** What the list holds, plural ("transactions"). */
  noun: string;
  testId: string;
  total: number | undefined;
  /** The count of a new view is on its way (the number shown is the previous view's). */
  counting: boolean;
  countFailed: boolean;
  /** Why the count failed, shown on hover. */
  countFailure?: string | null;
  skip: number;
  /** How many rows the page shows. */
  shown: number;
};

/** "1234 transactions" (or why there is no number) and which rows the page shows. */
export function ListTotals({ noun, testId, total, counting, countFailed, countFailure, skip, shown }: Props) {
  return (
    <Group gap="md">
      <Tooltip label={countFailure ?? ""} disabled={!countFailure} multiline maw={360}>
        <Text fw={600} data-testid={testId} data-count={total} aria-busy={counting || undefined}>
          {total === undefined ? (countFailed ? "Count unavailable" : "Counting…") : `${total} ${noun}`}
        </Text>
      </Tooltip>
      {shown > 0 && (
        <Text size="sm" c="dimmed" data-testid="row-range">
          Rows {skip + 1}–{skip + shown} of {total ?? "…"}
        </Text>
      )}
    </Group>
  );
}
