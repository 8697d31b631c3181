import { afterEach } from "vitest";

// Only for test files that run in jsdom: what Mantine expects of a browser and jsdom does not provide.
if (typeof window !== "undefined") {
  const { cleanup, configure } = await import("@testing-library/react");
  // findBy / waitFor give up after 1 s by default: too little on a busy 2-core machine (testTimeout is 30 s).
  configure({ asyncUtilTimeout: 10_000 });
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
