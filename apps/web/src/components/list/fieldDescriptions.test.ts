import { authenticationFields, transactionFields } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import { fieldDescription } from "./fieldDescriptions.ts";

describe("the filter builder's field descriptions", () => {
  it("every field either list can filter on has a sentence of ours, never the OpenAPI text", () => {
    const filterable = (catalog: readonly { field: string; ops: readonly string[]; description: string }[]) =>
      catalog.filter((f) => f.ops.length > 0 && f.field !== "encrypted_card" && f.field !== "public_key_alias");
    for (const [list, catalog] of [
      ["authentications", authenticationFields],
      ["transactions", transactionFields],
    ] as const) {
      for (const spec of filterable(catalog)) {
        const text = fieldDescription(spec.field, list);
        expect(text, spec.field).toBeTruthy();
        expect(text).not.toBe(spec.description);
      }
    }
  });

  it("says which unit an amount is in, per list", () => {
    expect(fieldDescription("amount", "transactions")).toMatch(/major units/);
    expect(fieldDescription("amount", "authentications")).not.toMatch(/major units/);
  });
});
