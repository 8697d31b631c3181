import { describe, expect, it } from "vitest";
import { seedAuthentications } from "../src/index.ts";
import { ids, testNow, useSandbox } from "./harness.ts";

const h = useSandbox({ seed: 3, authentications: 300, tokens: 40, transactions: 120 });

describe("POST /__sandbox/reset", () => {
  it("regenerates identical records, ids included, for the same seed", async () => {
    const before = await h.list("?_limit=50");
    const reset = await h.control("/reset", { body: { seed: 3 } });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ seed: 3, authentications: 300, tokens: 40, transactions: 120 });
    expect(await h.list("?_limit=50")).toEqual(before);
  });

  it("generates different records for a different seed", async () => {
    const before = ids(await h.list("?_limit=50"));
    await h.control("/reset", { body: { seed: 4 } });
    const after = ids(await h.list("?_limit=50"));
    expect(after).not.toEqual(before);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    await h.control("/reset", { body: { seed: 3 } });
  });

  it("drops records created since, and can change the size", async () => {
    await h.control("/reset", { body: { seed: 3, authentications: 40 } });
    expect(await h.getJson("/v2/3d/count")).toEqual({ count: 40 });
    expect(await h.control("/health").then((r) => r.json())).toMatchObject({ seed: 3, authentications: 40 });
    await h.control("/reset", { body: {} }); // back to the configured seed and size
    expect(await h.getJson("/v2/3d/count")).toEqual({ count: 300 });
  });

  it("refuses a bad seed or size, naming it", async () => {
    const res = await h.control("/reset", { body: { seed: -1, authentications: "many" } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: { errors: { parameter: string }[] } };
    expect(body.details.errors.map((e) => e.parameter)).toEqual(["seed", "authentications"]);
  });

  it("serves exactly what seedAuthentications(seed, n) generates", async () => {
    const served = await h.list("?_limit=10000&_sort=_id");
    const generated = seedAuthentications(3, 300, testNow).sort((a, b) => (a._id < b._id ? -1 : 1));
    expect(served).toEqual(generated);
  });

  it("resets in process too, through the handle startSandbox returns", async () => {
    h.sandbox.reset(9, 25);
    expect(await h.getJson("/v2/3d/count")).toEqual({ count: 25 });
    h.sandbox.reset();
    expect(await h.getJson("/v2/3d/count")).toEqual({ count: 300 });
  });
});
