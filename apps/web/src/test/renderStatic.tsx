import { MantineProvider } from "@mantine/core";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { theme } from "../theme.ts";
import { TimeZoneContext } from "../time/timeZoneContext.ts";

/**
 * Renders a component as the app does (Mantine theme, a router, the staff member's time zone — UTC unless given, so
 * nothing depends on the machine's zone) to HTML, without Mantine's injected <style> tags.
 */
export function renderStatic(ui: ReactElement, timeZone = "UTC"): string {
  const html = renderToStaticMarkup(
    <MantineProvider theme={theme}>
      <TimeZoneContext value={{ zone: timeZone, chosen: timeZone, browser: timeZone }}>
        <MemoryRouter>{ui}</MemoryRouter>
      </TimeZoneContext>
    </MantineProvider>,
  );
  return html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
}

/** The text content of an HTML fragment (tags removed, entities of interest decoded, spaces collapsed). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

export function count(html: string, needle: string): number {
  return html.split(needle).length - 1;
}
