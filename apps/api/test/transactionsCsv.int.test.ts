import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

type TxView = { id: string; created_at: string; liability: { liable: string; reason: string } | null };

let stack: Stack;
let range: { field: string; op: string; value: string }[];
beforeAll(async () => {
  stack = await startStack({ authentications: 5000 });
  // Three weeks up to the newest transaction: within Verifone's one-month limit, wherever the seed ends.
  const newest = await stack.query<{ items: TxView[] }>("transactions.list", { limit: 1 });
  const end = Date.parse(newest.body.result?.data.items[0]?.created_at ?? "");
  range = [
    { field: "created_at", op: "gte", value: new Date(end - 21 * 86_400_000).toISOString() },
    { field: "created_at", op: "lte", value: new Date(end).toISOString() },
  ];
});
afterAll(() => stack?.close());

function exportUrl(input: unknown) {
  return `${stack.api.url}/export/transactions.csv?input=${encodeURIComponent(JSON.stringify(input))}`;
}
/** The export's rows by column name (no cell here holds a comma or a quote). */
async function exportRows(input: unknown) {
  const res = await fetch(exportUrl(input), { headers: { cookie: stack.cookie ?? "" } });
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
  const [head = "", ...lines] = (await res.text()).trim().split("\n");
  const header = head.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [header[i], cell])));
}
/** Every transaction the list shows for `filters`, page after page. */
async function listAll(filters: unknown[]): Promise<TxView[]> {
  const all: TxView[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await stack.query<{ items: TxView[] }>("transactions.list", { filters, limit: 1000, skip });
    const items = page.body.result?.data.items ?? [];
    all.push(...items);
    if (items.length < 1000) return all;
  }
}

describe("transactions CSV export", () => {
  it("streams every transaction of the range, with the liability the list shows", async () => {
    const rows = await exportRows({ filters: range });
    const listed = await listAll(range);
    expect(listed.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.id)).toEqual(listed.map((t) => t.id));
    const byId = new Map(listed.map((t) => [t.id, t]));
    for (const row of rows) {
      const tx = byId.get(row.id as string);
      expect(row["liability.liable"]).toBe(tx?.liability?.liable ?? "UNKNOWN");
      expect(row["liability.reason"]).toBe(tx?.liability?.reason ?? "");
    }
    const refunds = rows.filter((r) => r.transaction_type === "REFUND");
    expect(refunds.length).toBeGreaterThan(0);
    expect(refunds.every((r) => r["liability.of"] !== "")).toBe(true);
    expect(refunds.some((r) => r["liability.liable"] === "ISSUER")).toBe(true);
    expect(Object.keys(rows[0] ?? {})).not.toContain("threed_authentication.cavv");
  });

  it("keeps only the liability asked for (Verifone cannot filter it; the export does)", async () => {
    const all = await exportRows({ filters: range });
    const issuer = await exportRows({ filters: range, liability: ["ISSUER"] });
    expect(issuer.length).toBe(all.filter((r) => r["liability.liable"] === "ISSUER").length);
    expect(issuer.length).toBeGreaterThan(0);
    expect(issuer.every((r) => r["liability.liable"] === "ISSUER")).toBe(true);
  });

  it("refuses a range over a month naming created_at, an unknown liability, and a request without a session", async () => {
    const long = [
      { field: "created_at", op: "gte", value: "2026-01-01" },
      { field: "created_at", op: "lte", value: "2026-03-01" },
    ];
    const bad = await fetch(exportUrl({ filters: long }), { headers: { cookie: stack.cookie ?? "" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/created_at: Verifone lists at most one month/);
    const badLiability = await fetch(exportUrl({ liability: ["NOBODY"] }), { headers: { cookie: stack.cookie ?? "" } });
    expect(badLiability.status).toBe(400);
    expect(JSON.stringify(await badLiability.json())).toMatch(/liability/);
    expect((await fetch(exportUrl({}))).status).toBe(401);
  });
});
