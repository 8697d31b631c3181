import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Booting embedded PostgreSQL (WASM) takes seconds on a busy machine; no test here measures time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
