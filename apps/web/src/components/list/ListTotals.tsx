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
  /** Why this view has no count at all (said in full, not only on hover). */
  noCount?: string | null;
};

/** "1234 transactions" (or why there is no number) and which rows the page shows. */
export function ListTotals({ noun, testId, total, counting, countFailed, countFailure, skip, shown, noCount }: Props) {
  let text: string;
  if (noCount) text = noCount;
  else if (total === undefined)
    text = countFailed ? `Count unavailable${countFailure ? `: ${countFailure}` : ""}` : "Counting…";
  // The previous view's number, while the new one is counted: said to be so, never passed off as the answer.
  else if (counting) text = `Counting… (was ${total} ${noun})`;
  else text = `${total} ${noun}`;
  return (
    <Group gap="md">
      <Tooltip label={countFailure ?? ""} disabled={!countFailure} multiline maw={360}>
        <Text
          fw={noCount ? 400 : 600}
          size={noCount ? "sm" : undefined}
          data-testid={testId}
          data-count={counting ? undefined : total}
          data-stale={counting || undefined}
          aria-busy={counting || undefined}
        >
          {text}
        </Text>
      </Tooltip>
      {shown > 0 && (
        <Text size="sm" c="dimmed" data-testid="row-range">
          Rows {skip + 1}–{skip + shown}
          {noCount ? "" : ` of ${counting ? "…" : (total ?? "…")}`}
        </Text>
      )}
    </Group>
  );
}
