import { defineConfig } from "vitest/config";

export default defineConfig({
  // Property tests and seeding 100,000 records take seconds on a busy 2-core machine: room, not flakes.
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
