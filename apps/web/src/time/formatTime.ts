// The one place the dashboard turns instants into text. Every time is shown in the staff member's chosen zone
// (useTimeZone), with fixed English month names and a 24-hour clock whatever the browser's locale, and labelled with
// its offset at that instant ("UTC+01:00", or "UTC"), so nobody mistakes one zone for another. Built on Intl only.

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The zone the browser runs in ("Europe/Berlin"); "UTC" when it does not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partFormat(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock reading of an instant in a zone. */
function wallClock(ms: number, zone: string): Parts {
  const values: Record<string, number> = {};
  for (const part of partFormat(zone).formatToParts(ms)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at that instant (negative west of Greenwich). */
function offsetMinutes(ms: number, zone: string): number {
  const p = wallClock(ms, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function instant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** "UTC" at offset zero, else "UTC+01:00" / "UTC-03:30": the zone's offset at that instant (daylight saving included). */
export function offsetLabel(iso: string, zone: string): string {
  const ms = instant(iso) ?? Date.now();
  const minutes = offsetMinutes(ms, zone);
  if (minutes === 0) return "UTC";
  const sign = minutes > 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** How a zone is named in headers and labels: its IANA name ("Europe/Berlin"), "UTC" for UTC. */
export function zoneName(zone: string): string {
  return zone === "Etc/UTC" || zone === "Etc/GMT" ? "UTC" : zone;
}

/** "3 Nov 2026" for the calendar day "2026-11-03" (no zone: a day as written). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${Number(date)} ${months[Number(month) - 1]} ${year}`;
}

type DateTimeOptions = {
  /** Seconds too ("23:59:05"). */
  seconds?: boolean;
  /** The zone's offset after the time ("… UTC+01:00"); leave it off where a header names the zone. */
  label?: boolean;
};

/**
 * "14 Nov 2026, 23:59 UTC+01:00": the instant in `zone`. Text that is not an instant comes back as it is, so nothing
 * Verifone sends is hidden.
 */
export function formatDateTime(iso: string, zone: string, { seconds = false, label = true }: DateTimeOptions = {}) {
  const ms = instant(iso);
  if (ms === null) return iso;
  const p = wallClock(ms, zone);
  const time = `${pad(p.hour)}:${pad(p.minute)}${seconds ? `:${pad(p.second)}` : ""}`;
  const text = `${p.day} ${months[p.month - 1]} ${p.year}, ${time}`;
  return label ? `${text} ${offsetLabel(iso, zone)}` : text;
}

/** "14 Nov 2026": the calendar day of the instant in `zone`. A plain date ("2026-11-30") is that day, as written. */
export function formatDate(iso: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDay(iso);
  const ms = instant(iso);
  if (ms === null) return iso;
  const p = wallClock(ms, zone);
  return `${p.day} ${months[p.month - 1]} ${p.year}`;
}

/** The wall-clock reading of an instant in `zone` as "YYYY-MM-DD HH:mm:ss" (what the date pickers take); null if none. */
export function toWallTime(iso: string | null | undefined, zone: string): string | null {
  const ms = instant(iso);
  if (ms === null) return null;
  const p = wallClock(ms, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/**
 * The instant a wall-clock reading ("YYYY-MM-DD HH:mm[:ss]") names in `zone`, as ISO. A time skipped by a change to
 * summer time is read with the offset before the change (02:30 → 03:30); a time that happens twice, as the first.
 */
export function fromWallTime(wall: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(wall.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(asUtc)) return null;
  // The zone's offsets half a day either side; around a change of offset they differ and the wall time reads as
  // two instants (autumn: both real, the first wins) or as none (spring: read with the offset before the change).
  const [before, after] = [offsetMinutes(asUtc - 43_200_000, zone), offsetMinutes(asUtc + 43_200_000, zone)];
  const [first, second] = [asUtc - before * 60_000, asUtc - after * 60_000];
  const real = (ms: number, offset: number) => offsetMinutes(ms, zone) === offset;
  const chosen = real(first, before) ? first : real(second, after) ? second : first;
  return new Date(chosen).toISOString();
}

/**
 * A picked minute ("YYYY-MM-DD HH:mm[:ss]" in `zone`) as a bound covering all of it: its first instant ("start") or its
 * last (":59.999", "end").
 */
export function minuteBoundIso(wall: string, zone: string, edge: "start" | "end"): string | null {
  const iso = fromWallTime(`${wall.trim().slice(0, 16)}:00`, zone);
  return iso && edge === "end" ? new Date(Date.parse(iso) + 59_999).toISOString() : iso;
}

/** Created-date filters go to Verifone as whole UTC days: the first and the last instant of the day "YYYY-MM-DD". */
export const utcDayStartIso = (day: string) => `${day}T00:00:00.000Z`;
export const utcDayEndIso = (day: string) => `${day}T23:59:59.999Z`;

/** The UTC day ("YYYY-MM-DD") of an instant or plain date; null when it is neither. */
export function utcDayOf(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const ms = instant(text);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

/** "Created (Europe/Berlin)": a header or label over times shown in `zone`. */
export function withZone(label: string, zone: string): string {
  return `${label} (${zoneName(zone)})`;
}
