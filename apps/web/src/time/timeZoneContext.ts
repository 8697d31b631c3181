import { createContext, useContext } from "react";
import { browserTimeZone } from "./formatTime.ts";

/** The staff member's zone setting: `chosen` is null for "the browser's zone"; `zone` is the one times are shown in. */
export type TimeZoneSetting = { zone: string; chosen: string | null; browser: string };

/** Provided by TimeZoneProvider around the signed-in pages; without it, times are shown in the browser's zone. */
export const TimeZoneContext = createContext<TimeZoneSetting | null>(null);

export function useTimeZoneSetting(): TimeZoneSetting {
  const setting = useContext(TimeZoneContext);
  if (setting) return setting;
  const browser = browserTimeZone();
  return { zone: browser, chosen: null, browser };
}

/** The IANA zone every time in the UI is shown in (the staff member's choice, else the browser's). */
export function useTimeZone(): string {
  return useTimeZoneSetting().zone;
}
