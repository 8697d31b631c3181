import { describe, expect, it } from "vitest";
import { basic, credentials, useSandbox } from "./harness.ts";

const h = useSandbox({ authentications: 20 });

describe("HTTP Basic auth on Verifone's paths", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong API key", { authorization: basic(credentials.userId, "wrong-key") }],
    ["a wrong user id", { authorization: basic("someone-else", credentials.apiKey) }],
    ["a Bearer token", { authorization: "Bearer abc.def.ghi" }],
    ["garbage after Basic", { authorization: "Basic !!!" }],
  ])("answers 401 in Verifone's error shape with %s", async (_name, headers: Record<string, string>) => {
    for (const path of ["/v2/3d", "/v2/3d/count", "/v2/3d/some-id"]) {
      const res = await h.get(path, headers);
      expect(res.status).toBe(401);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 401, details: {} });
      expect(typeof body.message).toBe("string");
      expect(typeof body.timestamp).toBe("number");
    }
    const lookup = await h.post("/v2/lookup", {}, headers);
    expect(lookup.status).toBe(401);
  });

  it("lets the right credentials through", async () => {
    const res = await h.get("/v2/3d/count");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: 20 });
  });

  it("does not guard the test controls", async () => {
    const res = await h.control("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", authentications: 20 });
  });
});

describe("404", () => {
  it("answers an unknown authentication id in Verifone's error shape", async () => {
    const res = await h.get("/v2/3d/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 404, message: expect.stringContaining("not found") });
  });

  it("answers an unknown Verifone path", async () => {
    const res = await h.get("/v2/nothing-here");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 404 });
  });

  it("gets a known record by id", async () => {
    const [first] = await h.list("?_limit=1");
    expect(await h.getJson(`/v2/3d/${first?._id}`)).toEqual(first);
  });
});
