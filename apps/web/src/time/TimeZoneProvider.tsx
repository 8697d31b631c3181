import { useQuery } from "@tanstack/react-query";
import { canonicalTimeZone } from "@vbo/domain";
import { type ReactNode, useMemo } from "react";
import { useTRPC } from "../trpc.ts";
import { browserTimeZone } from "./formatTime.ts";
import { TimeZoneContext } from "./timeZoneContext.ts";

/**
 * The signed-in staff member's zone, stored with their account (account.preferences) so it follows them from machine
 * to machine. Until it has loaded, or if it cannot be, or names a zone this browser does not know: the browser's zone.
 */
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const preferences = useQuery({ ...trpc.account.preferences.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const stored = preferences.data?.timeZone ?? null;
  const setting = useMemo(() => {
    const browser = browserTimeZone();
    const chosen = stored ? canonicalTimeZone(stored) : null;
    return { zone: chosen ?? browser, chosen, browser };
  }, [stored]);
  return <TimeZoneContext value={setting}>{children}</TimeZoneContext>;
}
