import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/** The page's own heading: the first heading inside the main region (the app's name in the header is outside it). */
export function pageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>("main h1, main h2");
}

/** Moves focus to the page's heading (made focusable by script only, so it is no extra Tab stop). */
export function focusPageHeading(): boolean {
  const heading = pageHeading();
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus();
  return true;
}

/**
 * After sign-in and after every move to another page, focus goes to the new page's heading, as a screen reader user
 * expects. Not when the page stays the same one (a drawer opens over it or closes: its row gets focus back), nor when
 * focus already went somewhere in the page. Lazily loaded pages are waited for (up to 3 s).
 */
export function useFocusHeadingOnNavigate(): void {
  const { pathname } = useLocation();
  const lastHeading = useRef<HTMLElement | null>(null);
  useEffect(() => {
    void pathname;
    let frame = 0;
    const deadline = performance.now() + 3000;
    const attempt = () => {
      const heading = pageHeading();
      if (!heading) {
        if (performance.now() < deadline) frame = requestAnimationFrame(attempt);
        return;
      }
      const samePage = heading === lastHeading.current;
      lastHeading.current = heading;
      const active = document.activeElement;
      const focusInPage = active instanceof HTMLElement && active !== document.body && !!active.closest("main");
      if (samePage || focusInPage || document.querySelector('[role="dialog"]')) return;
      focusPageHeading();
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
