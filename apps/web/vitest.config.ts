import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    // Pure logic and static renders run in node; a component test that clicks and types opts into a DOM with
    // `// @vitest-environment jsdom` on its first line (jsdom 26 runs on Node 20).
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}", "vite-plugins/**/*.test.ts"],
    setupFiles: ["src/test/setupDom.ts"],
    // jsdom component tests are slow on a busy 2-core machine: give them room rather than flake.
    testTimeout: 30_000,
  },
});
