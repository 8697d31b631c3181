import { MantineProvider } from "@mantine/core";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { theme } from "../theme.ts";

/** Renders a component as the app does (Mantine theme, a router) to HTML, without Mantine's injected <style> tags. */
export function renderStatic(ui: ReactElement): string {
  const html = renderToStaticMarkup(
    <MantineProvider theme={theme}>
      <MemoryRouter>{ui}</MemoryRouter>
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
