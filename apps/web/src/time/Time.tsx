import { formatDate, formatDateTime, formatDay, zoneName } from "./formatTime.ts";
import { useTimeZone } from "./timeZoneContext.ts";

type Props = {
  value: string | null | undefined;
  /** Seconds too. */
  seconds?: boolean;
  /** The zone's offset after the time (default); off where the column header names the zone. */
  label?: boolean;
  /** Only the day (in the zone). */
  dateOnly?: boolean;
  /** What is shown when there is no value. */
  fallback?: string;
};

/**
 * An instant as the staff member reads it: in their zone, labelled, inside `<time>` with the exact instant (UTC, ISO)
 * in `dateTime` and on hover. Text that is not an instant is shown as it came.
 */
export function Time({ value, seconds = false, label = true, dateOnly = false, fallback = "—" }: Props) {
  const zone = useTimeZone();
  if (!value) return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  // A plain date ("2026-11-30", as Verifone's spec types some fields) is a calendar day: no zone to shift it by.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return (
      <time dateTime={value} title={value}>
        {formatDay(value)}
      </time>
    );
  }
  const exact = new Date(ms).toISOString();
  return (
    <time dateTime={exact} title={`${exact} — shown in ${zoneName(zone)}`}>
      {dateOnly ? formatDate(value, zone) : formatDateTime(value, zone, { seconds, label })}
    </time>
  );
}
