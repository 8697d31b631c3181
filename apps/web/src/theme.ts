import { createTheme, localStorageColorSchemeManager } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "sm",
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  // Keep the focus ring for keyboard users only (never removed, never shown on mouse clicks).
  focusRing: "auto",
});

/** The colour scheme is saved here; with nothing saved the system preference ("auto") applies. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: "mantine-color-scheme-value" });
