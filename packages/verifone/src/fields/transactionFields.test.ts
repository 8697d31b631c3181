import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FieldSpec } from "./fieldSpec.ts";
import { filterProblems } from "./queryProblems.ts";
import { transactionFields } from "./transactionFields.generated.ts";
import { transactionQueryProblems } from "./transactionQueryProblems.ts";

type Parameter = { name: string; in: string; deprecated?: boolean; schema: { deprecated?: boolean } };
const spec = JSON.parse(readFileSync(new URL("../../openapi/ecommerce-api.json", import.meta.url), "utf8"));
const parameters: Parameter[] = spec.paths["/api/v2/transactions"].get.parameters;
const catalog: readonly FieldSpec[] = transactionFields;
const byName = new Map(catalog.map((f) => [f.field, f]));

describe("transactionFields (generated from GET /api/v2/transactions)", () => {
  it("has every documented filter parameter, and nothing else", () => {
    const notFilters = ["_sort", "_skip", "_limit", "created_start", "created_end", "x-vfi-api-idempotencykey"];
    const documented = parameters
      .filter((p) => p.in === "query" && !notFilters.includes(p.name) && !p.schema.deprecated)
      .map((p) => p.name);
    expect(catalog.map((f) => f.field).sort()).toEqual(documented.sort());
    // Deprecated in favour of transaction_status.
    expect(byName.has("status")).toBe(false);
  });

  it("takes only = filters, except the created_at range sent as created_start / created_end", () => {
    for (const f of catalog) expect(f.ops).toEqual(f.field === "created_at" ? ["eq", "gte", "lte"] : ["eq"]);
    expect(byName.get("created_at")).toMatchObject({
      type: "date",
      rangeParams: { gte: "created_start", lte: "created_end" },
    });
  });

  it("sorts on created_at only, both ways", () => {
    expect(catalog.filter((f) => f.sortable).map((f) => [f.field, f.ascendingOnly ?? false])).toEqual([
      ["created_at", false],
    ]);
  });

  it("keeps the spec's types, enums (also behind $ref) and lengths", () => {
    expect(byName.get("amount")?.type).toBe("number");
    expect(byName.get("stan")?.type).toBe("number");
    expect(byName.get("transaction_status")?.enum).toContain("PARTIALLY_REFUNDED");
    expect(byName.get("transaction_type")?.enum).toContain("PREAUTH");
    expect(byName.get("shopper_interaction")?.enum).toEqual([
      "ecommerce",
      "pos",
      "mail_order",
      "telephone_order",
      "unknown",
    ]);
    expect(byName.get("merchant_reference")?.maxLength).toBe(50);
  });
});

describe("filterProblems on transactions", () => {
  it("names an operator the field does not take, and a too-long value", () => {
    expect(filterProblems(catalog, [{ field: "currency_code", op: "neq", value: "EUR" }])).toEqual([
      { path: ["filters", 0, "op"], message: 'currency_code does not take the operator "neq"; it takes eq (=)' },
    ]);
    expect(filterProblems(catalog, [{ field: "merchant_reference", op: "eq", value: "x".repeat(51) }])).toEqual([
      { path: ["filters", 0, "value"], message: "merchant_reference value is longer than 50 characters" },
    ]);
  });

  it("takes one bound of each kind on created_at", () => {
    const problems = filterProblems(catalog, [
      { field: "created_at", op: "gte", value: "2024-01-01" },
      { field: "created_at", op: "lte", value: "2024-01-31" },
      { field: "created_at", op: "gte", value: "2024-01-05" },
    ]);
    expect(problems).toEqual([{ path: ["filters", 2, "op"], message: "created_at takes one gte (>=) bound only" }]);
  });
});

describe("transactionQueryProblems", () => {
  it("accepts a good query", () => {
    expect(
      transactionQueryProblems({
        filters: [{ field: "transaction_status", op: "eq", value: "SETTLED" }],
        sort: [{ field: "created_at", desc: true }],
        limit: 25,
        skip: 75,
      }),
    ).toEqual([]);
  });

  it("names each problem: field, sort, limit, skip not a whole page", () => {
    expect(
      transactionQueryProblems({
        filters: [{ field: "parent_id", op: "eq", value: "t-1" }],
        sort: [{ field: "created_at" }, { field: "amount" }],
        limit: 20,
        skip: 30,
      }),
    ).toEqual([
      { path: ["filters", 0, "field"], message: 'unknown filter field "parent_id"' },
      { path: ["sort", 1, "field"], message: 'cannot sort on "amount"' },
      { path: ["sort", 1], message: "transactions can be sorted on one field only" },
      { path: ["skip"], message: "skip must be a multiple of the page size (20)" },
    ]);
    expect(transactionQueryProblems({ limit: 0 })).toEqual([
      { path: ["limit"], message: "limit must be a whole number from 1 to 10000" },
    ]);
    expect(transactionQueryProblems({ skip: 60 })).toEqual([
      { path: ["skip"], message: "skip must be a multiple of the page size (50)" },
    ]);
    expect(transactionQueryProblems({ skip: -1 })).toEqual([
      { path: ["skip"], message: "skip must be a whole number ≥ 0" },
    ]);
  });
});
