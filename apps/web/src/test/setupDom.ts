import { afterEach } from "vitest";

// Only for test files that run in jsdom: what Mantine expects of a browser and jsdom does not provide.
if (typeof window !== "undefined") {
  const { cleanup } = await import("@testing-library/react");
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.HTMLElement.prototype.scrollIntoView ??= () => {};
  afterEach(cleanup);
}
