import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filterFields, opSuffixes, sortValues } from "../src/threeds/fields.ts";

/** The sandbox's hand-written field table must say exactly what the OpenAPI parameters of GET /v2/3d say. */
type Parameter = { name: string; in: string; schema: { type?: string; format?: string; items?: { enum?: string[] } } };
const specPath = new URL("../../../packages/verifone/openapi/3ds-authentication-api.json", import.meta.url);
const spec = JSON.parse(readFileSync(specPath, "utf8")) as {
  paths: Record<string, { get?: { parameters: Parameter[] } }>;
};
const parameters = spec.paths["/v2/3d"]?.get?.parameters ?? [];
const symbolOf = Object.fromEntries(Object.entries(opSuffixes).map(([suffix, op]) => [op, suffix]));

describe("field table vs the OpenAPI parameters of GET /v2/3d", () => {
  it("documents every filter key the table accepts, and the table accepts every documented key", () => {
    const documented = new Set(parameters.map((p) => p.name).filter((n) => !n.startsWith("_") || /^_id/.test(n)));
    const accepted = new Set(
      Object.entries(filterFields).flatMap(([field, rule]) => rule.ops.map((op) => `${field}${symbolOf[op] ?? ""}`)),
    );
    expect(documented.size).toBeGreaterThan(100);
    expect([...accepted].sort()).toEqual([...documented].sort());
  });

  it("types each field as the spec does", () => {
    for (const p of parameters.filter((x) => filterFields[x.name])) {
      const kind = filterFields[p.name]?.kind;
      const expected = p.schema.type === "number" ? "number" : p.schema.format === "date" ? "date" : "string";
      expect(`${p.name}: ${kind}`).toBe(`${p.name}: ${expected}`);
    }
  });

  it("accepts exactly the _sort enum", () => {
    const sortEnum = parameters.find((p) => p.name === "_sort")?.schema.items?.enum ?? [];
    expect(sortEnum.length).toBeGreaterThan(50);
    expect([...sortValues].sort()).toEqual([...sortEnum].sort());
  });

  it("uses the documented _limit bounds and default", () => {
    const limit = parameters.find((p) => p.name === "_limit")?.schema as Record<string, unknown>;
    expect(limit).toMatchObject({ minimum: 1, maximum: 10000, default: 2000 });
  });
});
