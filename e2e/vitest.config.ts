import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // What the screen shows after a click follows server answers: wait for it up to 15 s on a busy machine
    // (vitest's default is 1 s), polling often.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
