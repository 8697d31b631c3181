import { describe, expect, it } from "vitest";
import { useSandbox } from "./harness.ts";

const h = useSandbox({ authentications: 10, latencyMs: 150 });

describe("latencyMs (SANDBOX_LATENCY_MS)", () => {
  it("holds every Verifone-path answer at least that long, errors included", async () => {
    for (const call of [() => h.get("/v2/3d/count"), () => h.get("/v2/3d/unknown-id"), () => h.get("/v2/3d", {})]) {
      const started = performance.now();
      const res = await call();
      await res.arrayBuffer();
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    }
  });
});
