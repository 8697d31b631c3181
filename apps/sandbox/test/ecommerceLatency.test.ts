import { describe, expect, it } from "vitest";
import { useSandbox } from "./harness.ts";

const h = useSandbox({ authentications: 10, tokens: 5, transactions: 10, latencyMs: 150 });

describe("latencyMs on the eCommerce paths", () => {
  it("holds every answer at least that long, errors included", async () => {
    for (const call of [
      () => h.ecom("GET", "/v2/transactions/count"),
      () => h.ecom("GET", "/v2/card/short"),
      () => h.ecom("GET", "/v2/transactions", undefined, { authorization: "" }),
    ]) {
      const started = performance.now();
      const res = await call();
      await res.arrayBuffer();
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    }
  });
});
