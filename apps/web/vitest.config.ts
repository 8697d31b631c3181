import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    // Component tests render with react-dom/server: the installed jsdom (31) needs Node ≥ 22 and this project
    // supports Node 20, so no DOM environment is used until a jsdom that runs on Node 20 is installed.
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
