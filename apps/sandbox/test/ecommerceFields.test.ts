import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  countFilters,
  legacyStatuses,
  listFilters,
  pagingParameters,
  paymentProductTypeFilter,
  rangeParameters,
  sortValues,
  transactionStates,
  transactionTypes,
} from "../src/transactions/fields.ts";

/** The sandbox's hand-written filter table must say exactly what the OpenAPI parameters of the two endpoints say. */
type Parameter = {
  name: string;
  in: string;
  schema: { type?: string; enum?: string[]; $ref?: string } & Record<string, unknown>;
};
const specPath = new URL("../../../packages/verifone/openapi/ecommerce-api.json", import.meta.url);
const spec = JSON.parse(readFileSync(specPath, "utf8")) as {
  paths: Record<string, { get?: { parameters: Parameter[] } }>;
  components: { schemas: Record<string, { enum?: string[] }> };
};
const parametersOf = (path: string) => spec.paths[path]?.get?.parameters.filter((p) => p.in === "query") ?? [];
const list = parametersOf("/api/v2/transactions");
const count = parametersOf("/api/v2/transactions/count");
const enumOf = (p: Parameter | undefined) =>
  p?.schema.enum ?? spec.components.schemas[String(p?.schema.$ref).split("/").pop() ?? ""]?.enum ?? [];

describe("transaction filter table vs the OpenAPI parameters", () => {
  it("accepts exactly the list's documented parameters", () => {
    const accepted = [...Object.keys(listFilters), ...rangeParameters, ...pagingParameters];
    expect(accepted.sort()).toEqual(list.map((p) => p.name).sort());
  });

  it("accepts exactly the count's documented parameters", () => {
    expect(Object.keys(countFilters).sort()).toEqual(count.map((p) => p.name).sort());
  });

  it("types each filter as the spec does", () => {
    for (const p of list.filter((x) => listFilters[x.name])) {
      const kind = listFilters[p.name]?.kind;
      const expected =
        p.name === "amount"
          ? "amount"
          : p.name === "created_at"
            ? "date"
            : p.schema.type === "number"
              ? "number"
              : "string";
      expect(`${p.name}: ${kind}`).toBe(`${p.name}: ${expected}`);
    }
  });

  it("copies the enums", () => {
    const byName = (name: string) => list.find((p) => p.name === name);
    expect([...transactionTypes]).toEqual(enumOf(byName("transaction_type")));
    expect([...transactionStates]).toEqual(enumOf(byName("transaction_status")));
    expect([...legacyStatuses]).toEqual(enumOf(byName("status")));
    expect([...paymentProductTypeFilter]).toEqual(enumOf(byName("payment_product_type")));
    expect(listFilters.shopper_interaction?.values).toEqual(enumOf(byName("shopper_interaction")));
    expect([...sortValues]).toEqual(enumOf(byName("_sort")));
  });

  it("uses the documented _limit bounds and default, and _skip counts pages", () => {
    const limit = list.find((p) => p.name === "_limit")?.schema;
    expect(limit).toMatchObject({ minimum: 1, maximum: 10000, default: 50 });
    expect(
      JSON.stringify(spec.paths["/api/v2/transactions"]?.get?.parameters.find((p) => p.name === "_skip")),
    ).toContain("Skips a number of pages");
  });
});
