import { defineConfig } from "vitest/config";

export default defineConfig({
  // Integration tests start the real sandbox, API and an embedded PostgreSQL: give start-up room on a busy machine.
  test: { hookTimeout: 60_000, testTimeout: 30_000 },
});
