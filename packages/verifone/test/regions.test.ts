import type { Filter as DomainFilter } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import type { Filter } from "../src/fields/fieldSpec.ts";
import { resolveBaseUrl, verifoneRegions } from "../src/regions.ts";

describe("resolveBaseUrl", () => {
  it("maps each region to its host", () => {
    expect(resolveBaseUrl({ region: "emea" })).toBe("https://emea.gsc.verifone.cloud");
    expect(resolveBaseUrl({ region: "uscst" })).toBe("https://uscst-gb.gsc.vficloud.net");
    expect(Object.keys(verifoneRegions)).toEqual(["emea", "us", "nz", "cst", "uscst"]);
  });

  it("prefers an explicit base URL and drops its trailing slash", () => {
    expect(resolveBaseUrl({ region: "emea", baseUrl: "http://127.0.0.1:3100/" })).toBe("http://127.0.0.1:3100");
  });

  it("explains what is wrong", () => {
    expect(() => resolveBaseUrl({})).toThrow("Verifone: set either a region or a base URL");
    expect(() => resolveBaseUrl({ region: "mars" })).toThrow(
      'unknown region "mars"; use one of emea, us, nz, cst, uscst',
    );
    expect(() => resolveBaseUrl({ baseUrl: "ftp://x" })).toThrow("must be http(s)");
    expect(() => resolveBaseUrl({ baseUrl: "not a url" })).toThrow("is not a URL");
    expect(() => resolveBaseUrl({ region: "toString" })).toThrow(/unknown region/);
  });
});

describe("Filter", () => {
  it("is the same shape in @vbo/domain and in the fields catalog", () => {
    const fromClient: Filter = { field: "amount", op: "gte", value: 100 };
    const asDomain: DomainFilter = fromClient;
    const back: Filter = asDomain;
    expect(back).toBe(fromClient);
  });
});
