// The staff member's chosen time zone is an IANA name ("Europe/Berlin", "UTC"); both the dashboard and the API check
// it with the platform's own time-zone data (Intl), so whatever one accepts the other formats.

const zoneName = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * The zone as Intl names it ("utc" → "UTC", "europe/berlin" → "Europe/Berlin"), or null when it is not a time zone
 * Intl knows. Only names: a bare offset ("+01:00") is refused, it has no daylight-saving rules.
 */
export function canonicalTimeZone(zone: string): string | null {
  const text = zone.trim();
  if (!zoneName.test(text)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
