// Applies the saved (or the system's) colour scheme before the first paint, as Mantine's ColorSchemeScript does.
// A separate file rather than an inline script, so a strict Content-Security-Policy (script-src 'self') allows it.
(() => {
  try {
    const saved = localStorage.getItem("mantine-color-scheme-value");
    const system = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    const scheme = saved === "light" || saved === "dark" ? saved : system;
    document.documentElement.setAttribute("data-mantine-color-scheme", scheme);
  } catch {
    // no storage (private mode): Mantine falls back to the system scheme
  }
})();
