import { createTheme, localStorageColorSchemeManager, type MantineColorsTuple } from "@mantine/core";

/**
 * Mantine's palettes with shades 7–9 darkened just enough that text in them (links, light and outline badges,
 * coloured figures) meets WCAG AA (4.5:1) on white and on the light badge backgrounds; the rest as Mantine ships them.
 * Computed once from DEFAULT_THEME.colors; checked by the e2e axe suite in both themes.
 */
const accessibleColors: Record<string, MantineColorsTuple> = {
  gray: ["#f8f9fa", "#f1f3f5", "#e9ecef", "#dee2e6", "#ced4da", "#adb5bd", "#868e96", "#495057", "#343a40", "#212529"],
  red: ["#fff5f5", "#ffe3e3", "#ffc9c9", "#ffa8a8", "#ff8787", "#ff6b6b", "#fa5252", "#d33737", "#c52b2b", "#b12525"],
  pink: ["#fff0f6", "#ffdeeb", "#fcc2d7", "#faa2c1", "#f783ac", "#f06595", "#e64980", "#cd3168", "#c2255c", "#a61e4d"],
  grape: ["#f8f0fc", "#f3d9fa", "#eebefa", "#e599f7", "#da77f2", "#cc5de8", "#be4bdb", "#ae3ec9", "#9c36b5", "#862e9c"],
  violet: [
    "#f3f0ff",
    "#e5dbff",
    "#d0bfff",
    "#b197fc",
    "#9775fa",
    "#845ef7",
    "#7950f2",
    "#7048e8",
    "#6741d9",
    "#5f3dc4",
  ],
  indigo: [
    "#edf2ff",
    "#dbe4ff",
    "#bac8ff",
    "#91a7ff",
    "#748ffc",
    "#5c7cfa",
    "#4c6ef5",
    "#4263eb",
    "#3b5bdb",
    "#364fc7",
  ],
  blue: ["#e7f5ff", "#d0ebff", "#a5d8ff", "#74c0fc", "#4dabf7", "#339af0", "#228be6", "#1a74c5", "#186ab6", "#175ea1"],
  cyan: ["#e3fafc", "#c5f6fa", "#99e9f2", "#66d9e8", "#3bc9db", "#22b8cf", "#15aabf", "#0d7d8e", "#0b7587", "#0a6778"],
  teal: ["#e6fcf5", "#c3fae8", "#96f2d7", "#63e6be", "#38d9a9", "#20c997", "#12b886", "#09815e", "#077855", "#076b4c"],
  green: ["#ebfbee", "#d3f9d8", "#b2f2bb", "#8ce99a", "#69db7c", "#51cf66", "#40c057", "#298439", "#247834", "#226c30"],
  lime: ["#f4fce3", "#e9fac8", "#d8f5a2", "#c0eb75", "#a9e34b", "#94d82d", "#82c91e", "#4f7d0f", "#47760a", "#406809"],
  yellow: [
    "#fff9db",
    "#fff3bf",
    "#ffec99",
    "#ffe066",
    "#ffd43b",
    "#fcc419",
    "#fab005",
    "#9d6600",
    "#9a5a00",
    "#934c00",
  ],
  orange: [
    "#fff4e6",
    "#ffe8cc",
    "#ffd8a8",
    "#ffc078",
    "#ffa94d",
    "#ff922b",
    "#fd7e14",
    "#c15005",
    "#b54509",
    "#a9380c",
  ],
};

export const theme = createTheme({
  primaryColor: "blue",
  colors: accessibleColors,
  // Filled buttons, links and outlines in shade 8: white on it, and it on white, both pass AA.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  // Keep the focus ring for keyboard users only (never removed, never shown on mouse clicks).
  focusRing: "auto",
});

/** The colour scheme is saved here; with nothing saved the system preference ("auto") applies. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: "mantine-color-scheme-value" });
