import { Text } from "@mantine/core";
import dayjs from "dayjs";

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

/** A time as the viewer's local date and time, the value as Verifone sent it on hover; a dash when there is none. */
export function DateTimeCell({ value }: { value: string | null | undefined }) {
  return value ? (
    <time dateTime={value} title={value}>
      {dayjs(value).format("YYYY-MM-DD HH:mm:ss")}
    </time>
  ) : (
    dash
  );
}
