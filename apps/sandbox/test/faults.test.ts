import { afterEach, describe, expect, it } from "vitest";
import { lookupRequest, useSandbox } from "./harness.ts";

const h = useSandbox({ authentications: 30 });
const listPath = "/oidc/3ds-service/v2/3d";

afterEach(async () => {
  await h.control("/faults", { method: "DELETE" });
});

describe("POST /__sandbox/faults", () => {
  it("fails the next N matching calls with the status in Verifone's error shape, then recovers", async () => {
    const added = await h.control("/faults", { body: { method: "GET", path: listPath, times: 2, status: 500 } });
    expect(added.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await h.get("/v2/3d?_limit=1");
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ code: 500, message: "Internal Server Error" });
    }
    expect((await h.get("/v2/3d?_limit=1")).status).toBe(200);
  });

  it("counts down in GET /__sandbox/faults and only matches the exact path", async () => {
    await h.control("/faults", { body: { path: listPath, times: 3, status: 504 } });
    expect((await h.get("/v2/3d/count")).status).toBe(200); // other path: not matched
    const res = await h.get("/v2/3d");
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: 504, message: "Gateway Time-out" });
    const { faults } = (await (await h.control("/faults")).json()) as { faults: { remaining: number }[] };
    expect(faults.map((f) => f.remaining)).toEqual([2]);
  });

  it("matches a path prefix when the path ends with *", async () => {
    await h.control("/faults", { body: { path: "/oidc/3ds-service/*", times: 2, status: 503 } });
    expect((await h.get("/v2/3d/count")).status).toBe(503);
    expect((await h.post("/v2/lookup", {})).status).toBe(503);
    expect((await h.get("/v2/3d/count")).status).toBe(200);
  });

  it("only matches the given method", async () => {
    await h.control("/faults", { body: { method: "POST", path: "/oidc/3ds-service/v2/lookup", status: 500 } });
    expect((await h.get("/v2/3d/count")).status).toBe(200);
    expect((await h.post("/v2/lookup", {})).status).toBe(500);
  });

  it("drops the connection without an answer", async () => {
    await h.control("/faults", { body: { path: listPath, mode: "drop" } });
    await expect(h.get("/v2/3d")).rejects.toThrow();
    expect((await h.get("/v2/3d?_limit=1")).status).toBe(200);
  });

  it("does the call but loses the answer in lose-answer mode", async () => {
    const before = (await (await h.get("/v2/3d/count")).json()) as { count: number };
    await h.control("/faults", { body: { method: "POST", path: "/oidc/3ds-service/v2/lookup", mode: "lose-answer" } });
    const lookup = lookupRequest("4000000000001000");
    await expect(h.post("/v2/lookup", lookup)).rejects.toThrow();
    const after = (await (await h.get("/v2/3d/count")).json()) as { count: number };
    expect(after.count).toBe(before.count + 1);
  });

  it("answers a malformed JSON body", async () => {
    await h.control("/faults", { body: { path: listPath, mode: "malformed" } });
    const res = await h.get("/v2/3d");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    await expect(res.json()).rejects.toThrow();
  });

  it("delays and then answers normally in delay mode", async () => {
    await h.control("/faults", { body: { path: listPath, delayMs: 120 } });
    const started = performance.now();
    const res = await h.get("/v2/3d?_limit=1");
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("is cleared by DELETE and by a reset", async () => {
    await h.control("/faults", { body: { path: listPath, times: 5 } });
    expect((await h.control("/faults", { method: "DELETE" })).status).toBe(204);
    expect((await h.get("/v2/3d?_limit=1")).status).toBe(200);
    await h.control("/faults", { body: { path: listPath, times: 5 } });
    await h.control("/reset", { body: {} });
    expect((await h.get("/v2/3d?_limit=1")).status).toBe(200);
  });

  it("refuses a bad fault, naming each bad setting", async () => {
    const res = await h.control("/faults", {
      body: { path: "oidc", times: 0, status: 200, mode: "explode", colour: 1 },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: { errors: { parameter: string }[] } };
    expect(body.details.errors.map((e) => e.parameter).sort()).toEqual(["colour", "mode", "path", "status", "times"]);
  });
});
