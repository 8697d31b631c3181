import { Text } from "@mantine/core";
import { Time } from "../../time/Time.tsx";

/** What a cell shows for a value the record does not have. */
export const dash = "—";

/** An id or a card number, in monospace; a dash when there is none. */
export function Mono({ value }: { value: string | null | undefined }) {
  return value ? (
    <Text span ff="monospace" size="xs">
      {value}
    </Text>
  ) : (
    dash
  );
}

/**
 * A time in a list: in the staff member's zone, which the column header names (no label in each cell); the exact
 * instant on hover; a dash when there is none.
 */
export function DateTimeCell({ value }: { value: string | null | undefined }) {
  return <Time value={value} seconds label={false} fallback={dash} />;
}
