import { Group, Text, Tooltip } from "@mantine/core";
import { errorInfo } from "../../api/errorInfo.ts";

type Props = {
  /** What the list holds, plural ("transactions"); one is said without the final "s". */
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
  /** The count stopped at `total`: there are more ("More than 5000 transactions"). */
  atLeast?: boolean;
  /** What the number covers, after the noun ("in the last 7 days"). */
  scope?: string;
};

/** "1234 transactions" (or why there is no number) and which rows the page shows. */
export function ListTotals(props: Props) {
  const { testId, total, counting, countFailed, countFailure, skip, shown, atLeast, scope } = props;
  // One of them reads "1 event", not "1 events" (the nouns given are plain English plurals).
  const word = total === 1 && !atLeast ? props.noun.replace(/s$/, "") : props.noun;
  const noun = scope ? `${word} ${scope}` : word;
  let text: string;
  if (total === undefined)
    text = countFailed ? `Count unavailable${countFailure ? `: ${countFailure}` : ""}` : "Counting…";
  // The previous view's number, while the new one is counted: said to be so, never passed off as the answer.
  else if (counting) text = `Counting… (was ${total} ${noun})`;
  else text = atLeast ? `More than ${total} ${noun}` : `${total} ${noun}`;
  return (
    <Group gap="md">
      <Tooltip label={countFailure ?? ""} disabled={!countFailure} multiline maw={360}>
        <Text
          fw={600}
          data-testid={testId}
          data-count={counting ? undefined : total}
          data-at-least={atLeast || undefined}
          data-stale={counting || undefined}
          aria-busy={counting || undefined}
        >
          {text}
        </Text>
      </Tooltip>
      {shown > 0 && (
        <Text size="sm" c="dimmed" data-testid="row-range">
          Rows {skip + 1}–{skip + shown}
          {` of ${counting ? "…" : atLeast ? `more than ${total}` : (total ?? "…")}`}
        </Text>
      )}
    </Group>
  );
}

/** The totals of a count query (`data.count`): the number, whether it is the previous view's, and why it failed. */
export function countTotals(
  testId: string,
  query: { data?: { count: number }; isPlaceholderData: boolean; isError: boolean; error: unknown },
) {
  return {
    testId,
    total: query.data?.count,
    counting: query.isPlaceholderData,
    countFailed: query.isError,
    countFailure: query.isError ? errorInfo(query.error).message : null,
  };
}
