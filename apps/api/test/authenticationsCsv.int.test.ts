import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ authentications: 4500 });
});
afterAll(() => stack?.close());

function exportUrl(input: unknown) {
  return `${stack.api.url}/export/authentications.csv?input=${encodeURIComponent(JSON.stringify(input))}`;
}

describe("authentications CSV export", () => {
  it("streams every matching record across Verifone pages, with its liability", async () => {
    const filters = [{ field: "amount", op: "gte", value: 500 }];
    const res = await fetch(exportUrl({ filters, sort: [{ field: "amount", desc: true }] }), {
      headers: { cookie: stack.cookie ?? "" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="authentications-/);
    const lines = (await res.text()).trim().split("\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header).toContain("_id");
    expect(header).toContain("authentication.pares_status");
    expect(header.slice(-3)).toEqual(["liability.liable", "liability.reason", "liability.eci"]);
    expect(header).not.toContain("encrypted_card");
    const count =
      (await stack.query<{ count: number }>("authentications.count", { filters })).body.result?.data.count ?? 0;
    expect(count).toBeGreaterThan(2000);
    expect(lines.length - 1).toBe(count);
    const amounts = lines.slice(1).map((l) => Number(l.split(",")[header.indexOf("amount")]));
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
  });

  it("refuses a bad filter naming it, and a request without a session", async () => {
    const bad = await fetch(exportUrl({ filters: [{ field: "nope", op: "eq", value: 1 }] }), {
      headers: { cookie: stack.cookie ?? "" },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/nope/);
    expect((await fetch(exportUrl({}))).status).toBe(401);
  });
});
