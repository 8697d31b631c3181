import { encodeThreeDSQuery } from "@vbo/verifone";
import type { Filter } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import { lookupChunks, maxLookupQueryLength } from "./views.ts";

describe("lookupChunks", () => {
  it("splits 300 ds_transaction_id look-ups into queries under the URL budget, losing none", () => {
    const filters: Filter[] = Array.from({ length: 300 }, (_, i) => ({
      field: "authentication.ds_transaction_id",
      op: "eq",
      value: `${String(i).padStart(8, "0")}-7b1f-4b5e-9c1e-2f3a4b5c6d7e`,
    }));
    const chunks = lookupChunks(filters);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(filters);
    for (const chunk of chunks) {
      expect(encodeThreeDSQuery({ filters: chunk, limit: 10_000 }).length).toBeLessThanOrEqual(maxLookupQueryLength);
    }
  });

  it("keeps an ordinary page in one query", () => {
    const filters: Filter[] = [{ field: "authentication.ds_transaction_id", op: "eq", value: "x" }];
    expect(lookupChunks(filters)).toEqual([filters]);
  });
});
